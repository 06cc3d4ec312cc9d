import { spawnSync } from 'child_process';
import fs from 'fs';
import path from 'path';
import { makeFakeMesos, tempDir } from '../../support/fake-mesos';
import { installedCopy } from '../../support/installed-copy';
import { envWithoutMesos } from '../../support/isolated-env';

const root = path.join(__dirname, '..', '..', '..');
const cli = path.join(root, 'lib', 'cli', 'main.js');
const run = (...args: string[]) =>
  spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8', env: envWithoutMesos() });

// A prefix with libmesos and headers but no mesos-master: `cluster` cannot start there.
const fakePrefix = makeFakeMesos(path.join(tempDir('cli'), 'prefix'));
afterAll(() => fs.rmSync(path.dirname(fakePrefix), { recursive: true, force: true }));

const SUBCOMMANDS = ['doctor', 'build', 'cluster', 'version'];
const STACK_FRAME = /^\s+at /m;

/** What `help <command>` prints: the usage the command's own --help must print too. */
const usageOf = (command: string) => run('help', command).stdout;

// The CLI as a user meets it (lib/ is built by npm test before jest).
describe('mesos-napi CLI', () => {
  it('--version prints the package version', () => {
    const { version } = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
    for (const args of [['--version'], ['version'], ['-v']]) {
      const result = run(...args);
      expect(result.status).toBe(0);
      expect(result.stdout.trim()).toBe(version);
    }
  });

  it('doctor --json prints what it found as JSON, with code and solutions, and its exit code', () => {
    const result = run('doctor', '--json');
    const report = JSON.parse(result.stdout);
    expect(report).toEqual(
      expect.objectContaining({ ok: expect.any(Boolean), discovery: expect.any(Object) }),
    );
    expect(result.status).toBe(report.ok ? 0 : 1);
    if (report.ok) expect([report.code, report.solutions]).toEqual([null, []]);
    else expect(report.code).toMatch(/^MESOS_NAPI_/);
    expect(Array.isArray(report.solutions)).toBe(true);
  });

  describe.each(SUBCOMMANDS)('%s', (command) => {
    it('--help prints its usage on stdout, exits 0 and does nothing else', () => {
      const usage = usageOf(command);
      expect(usage).toMatch(new RegExp(`^usage: mesos-napi ${command}`));
      for (const help of ['--help', '-h']) {
        const result = run(command, help);
        expect({ status: result.status, stdout: result.stdout, stderr: result.stderr }).toEqual({
          status: 0,
          stdout: usage,
          stderr: '',
        });
      }
    });

    it('--help with an unknown option is refused too', () => {
      const result = run(command, '--help', '--bogus');
      expect(result.stderr).toMatch(/Unknown option '--bogus'/);
      expect(result.status).toBe(2);
    });

    it('an unknown option is refused: one error line with its code, then the usage, exit 2', () => {
      const result = run(command, '--bogus');
      expect(result.status).toBe(2);
      expect(result.stdout).toBe('');
      const [first, ...rest] = result.stderr.split('\n');
      expect(first).toBe(
        `mesos-napi ${command}: error ERR_PARSE_ARGS_UNKNOWN_OPTION: Unknown option '--bogus'`,
      );
      expect(rest.join('\n')).toContain(usageOf(command).trim());
    });

    it('an argument it does not take is refused with exit 2', () => {
      const result = run(command, 'extra');
      expect(result.status).toBe(2);
      expect(result.stderr.split('\n')[0]).toMatch(
        new RegExp(`^mesos-napi ${command}: error ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL: `),
      );
    });
  });

  it('build --help does not build (nor look for Mesos)', () => {
    const result = run('build', '--help');
    expect(result.status).toBe(0);
    expect(result.stdout).not.toMatch(/Mesos installation found|building the addon/);
  });

  it('doctor --jsn is refused, not taken for doctor', () => {
    const result = run('doctor', '--jsn');
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^mesos-napi doctor: error ERR_PARSE_ARGS_UNKNOWN_OPTION: /);
  });

  it('an unknown command and an unknown option exit alike: 2, the usage on stderr', () => {
    const usage = run('--help').stdout.trim();
    for (const [arg, line] of [
      ['frobnicate', "mesos-napi: error MESOS_NAPI_UNKNOWN_COMMAND: unknown command 'frobnicate'"],
      [
        '--frobnicate',
        "mesos-napi: error ERR_PARSE_ARGS_UNKNOWN_OPTION: unknown option '--frobnicate'",
      ],
    ]) {
      const result = run(arg);
      expect(result.status).toBe(2);
      expect(result.stdout).toBe('');
      expect(result.stderr.split('\n')[0]).toBe(line);
      expect(result.stderr).toContain(usage);
    }
  });

  it('no command is a usage error; help and --help print the usage and exit 0', () => {
    const none = run();
    expect(none.status).toBe(2);
    expect(none.stderr.split('\n')[0]).toBe('mesos-napi: error MESOS_NAPI_USAGE: no command given');
    for (const args of [['help'], ['--help'], ['-h']]) {
      const result = run(...args);
      expect(result.status).toBe(0);
      expect(result.stdout).toMatch(/^usage: mesos-napi <command>/);
    }
    expect(run('help', 'frobnicate').status).toBe(2);
  });

  it('a bad option value is a usage error naming the option, with the invalid-argument code', () => {
    for (const [args, line] of [
      [
        ['--port', '70000'],
        "error MESOS_NAPI_INVALID_ARGUMENT: --port: must be a port number (1-65535), got '70000'",
      ],
      [
        ['--zk', 'localhost:2181'],
        "error MESOS_NAPI_INVALID_ARGUMENT: --zk: 'localhost:2181' is not",
      ],
      [
        ['--port'],
        "error ERR_PARSE_ARGS_INVALID_OPTION_VALUE: Option '--port <value>' argument missing",
      ],
      [
        ['--agents', '0'],
        "error MESOS_NAPI_INVALID_ARGUMENT: --agents: must be a whole number from 1 to 16, got '0'",
      ],
      [
        ['--agents', '2.5'],
        "error MESOS_NAPI_INVALID_ARGUMENT: --agents: must be a whole number from 1 to 16, got '2.5'",
      ],
    ]) {
      const result = run('cluster', ...args);
      expect(result.status).toBe(2);
      expect(result.stderr.split('\n')[0]).toContain(`mesos-napi cluster: ${line}`);
      expect(result.stderr).toContain(usageOf('cluster').trim());
    }
  });

  it('a failure is one line with its code, the details under it, and no stack', () => {
    const result = spawnSync(process.execPath, [cli, 'cluster'], {
      encoding: 'utf8',
      env: { ...envWithoutMesos(), MESOS_HOME: fakePrefix },
    });
    expect(result.status).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr.split('\n')[0]).toMatch(
      /^mesos-napi cluster: error MESOS_NAPI_LOCAL_CLUSTER: mesos-master is not installed under /,
    );
    expect(result.stderr).not.toMatch(STACK_FRAME);
  });

  it('cluster --verbose adds the stack to a failure', () => {
    const result = spawnSync(process.execPath, [cli, 'cluster', '--verbose'], {
      encoding: 'utf8',
      env: { ...envWithoutMesos(), MESOS_HOME: fakePrefix },
    });
    expect(result.status).toBe(1);
    expect(result.stderr.split('\n')[0]).toMatch(
      /^mesos-napi cluster: error MESOS_NAPI_LOCAL_CLUSTER: /,
    );
    expect(result.stderr).toMatch(STACK_FRAME);
  });

  describe('without the addon and without Mesos', () => {
    let dir: string;
    beforeAll(() => {
      dir = installedCopy();
    });
    afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
    const runInCopy = (...args: string[]) =>
      spawnSync(process.execPath, [path.join(dir, 'lib', 'cli', 'main.js'), ...args], {
        encoding: 'utf8',
        env: envWithoutMesos(),
      });

    it('doctor --json gives the error code and the solutions as an array', () => {
      const result = runInCopy('doctor', '--json');
      expect(result.status).toBe(1);
      const report = JSON.parse(result.stdout);
      expect(report.ok).toBe(false);
      expect(report.code).toBe('MESOS_NAPI_ADDON_NOT_FOUND');
      expect(report.solutions).toEqual(
        expect.arrayContaining(['Then build the addon: `npx mesos-napi build`.']),
      );
      expect(report.solutions.every((s: unknown) => typeof s === 'string')).toBe(true);
      expect(report.loads.error).toBe(
        'mesos-napi: the native addon is not built, and no Mesos installation was found.',
      );
    });

    it('doctor prints the failure as one line with its code, then the solutions', () => {
      const result = runInCopy('doctor');
      expect(result.status).toBe(1);
      const lines = result.stderr.trim().split('\n');
      expect(lines[0]).toBe(
        'mesos-napi doctor: error MESOS_NAPI_ADDON_NOT_FOUND: the native addon is not built, and no Mesos installation was found.',
      );
      expect(lines.slice(1)).toContain('  - Then build the addon: `npx mesos-napi build`.');
      expect(result.stderr).not.toMatch(STACK_FRAME);
    });
  });

  it('an uncaught AddonNotFoundError is short: solutions once, no list of tried paths', () => {
    const tried = Array.from({ length: 13 }, (_, i) => ` → /somewhere/${i}/mesos_napi.node`);
    const script = `
      const { addonNotFound } = require(${JSON.stringify(path.join(root, 'lib', 'native', 'addon-error'))});
      const { findMesos } = require(${JSON.stringify(path.join(root, 'lib', 'discovery'))});
      const loader = new Error(${JSON.stringify(['Could not locate the bindings file. Tried:', ...tried].join('\n'))});
      const error = addonNotFound(loader, findMesos(), undefined);
      throw error;
    `;
    const result = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8' });
    expect(result.status).toBe(1);
    expect(result.stderr.split('Possible solutions').length - 1).toBe(1);
    expect(result.stderr).not.toContain('/somewhere/');
    expect(result.stderr.trim().split('\n').length).toBeLessThan(30);
  });
});
