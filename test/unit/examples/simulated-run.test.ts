import * as fs from 'fs';
import * as path from 'path';
import { compileExamples, runExample } from '../../support/example-process';
import { makeFakeMesos, tempDir } from '../../support/fake-mesos';
import { installedCopy } from '../../support/installed-copy';
import { envWithoutMesos } from '../../support/isolated-env';

// `npm run example` on a machine without Mesos: the example runs as a child process from a
// copy of the package without the addon, in an environment where discovery finds no Mesos.
const STACK_FRAME = /^\s+at /m;
let copy: string;

beforeAll(() => {
  compileExamples();
  copy = installedCopy(['build/examples']);
}, 120_000);
afterAll(() => fs.rmSync(copy, { recursive: true, force: true }));

const withoutMesos = (args: string[]) => runExample(args, { root: copy, env: envWithoutMesos() });

describe('the example without Mesos', () => {
  test('runs on the simulated cluster, says so first with how to get Mesos, and ends as a real run', async () => {
    const run = withoutMesos(['--tasks', '2', '--lifetime', '2']);
    expect(await run.exited).toBe(0);
    const lines = run.output().trimEnd().split('\n');
    expect(lines[0]).toMatch(/^mesos-napi example: SIMULATED \(no Mesos found\): /);
    expect(lines[0]).toContain('virtual time, with scripted tasks');
    expect(lines[0]).toContain('"Getting Mesos"');
    expect(lines[0]).toMatch(/\/opt\/mesos.*MESOS_HOME/);
    expect(lines[1]).toBe('mesos-napi example: 2 web server(s) on a simulated cluster, 2s each');
    expect(
      lines.filter((l) => / TASK_RUNNING serving http:\/\/simulated-agent-1:310\d\d\/$/.test(l)),
    ).toHaveLength(2);
    expect(lines.filter((l) => l.endsWith(' TASK_FINISHED (served for 2s)'))).toHaveLength(2);
    expect(lines.slice(-2)).toEqual(['all 2 tasks ended; stopping', 'framework DRIVER_STOPPED']);
    expect(run.errors()).toBe('');
  }, 60_000);

  test('more servers than an agent holds: the simulation has agents enough for all', async () => {
    const run = withoutMesos(['--tasks', '4', '--lifetime', '1']);
    expect(await run.exited).toBe(0);
    const output = run.output();
    expect(output.match(/TASK_FINISHED/g)).toHaveLength(4);
    expect(output).toContain('simulated-agent-2');
    expect(output).toContain('all 4 tasks ended; stopping');
  }, 60_000);

  test('Ctrl-C kills the simulated servers and stops the framework, as on Mesos', async () => {
    const run = withoutMesos(['--tasks', '1']);
    await run.line(/TASK_RUNNING/);
    run.child.kill('SIGINT');
    expect(await run.exited).toBe(0);
    const output = run.output();
    expect(output).toContain('stopping: killing 1 task(s)');
    expect(output).toMatch(/ TASK_KILLED\n/);
    expect(output.trimEnd().split('\n').at(-1)).toBe('framework DRIVER_STOPPED');
  }, 60_000);

  test('a master asked for cannot be simulated: one message with its code and solutions, no stack', async () => {
    const run = withoutMesos(['--master', '127.0.0.1:5050']);
    expect(await run.exited).toBe(1);
    expect(run.output()).toBe('');
    const lines = run.errors().trimEnd().split('\n');
    expect(lines[0]).toBe(
      'mesos-napi example: error MESOS_NAPI_ADDON_NOT_FOUND: the native addon is not built, and no Mesos installation was found.',
    );
    expect(lines).toContain('  - Then build the addon: `npx mesos-napi build`.');
    expect(lines.at(-1)).toBe('(--verbose shows the stack)');
    expect(run.errors()).not.toMatch(STACK_FRAME);
  }, 60_000);

  test('--verbose prints the same error with its stack', async () => {
    const run = withoutMesos(['--master', '127.0.0.1:5050', '--verbose']);
    expect(await run.exited).toBe(1);
    expect(run.errors().split('\n')[0]).toMatch(
      /^mesos-napi example: error MESOS_NAPI_ADDON_NOT_FOUND: /,
    );
    expect(run.errors()).toMatch(STACK_FRAME);
  }, 60_000);
});

describe('the example with Mesos found but the addon not built', () => {
  const prefix = makeFakeMesos(path.join(tempDir('example'), 'prefix'));
  // Without .proto files: the messages come from the committed schema, as without Mesos.
  fs.rmSync(path.join(prefix, 'include', 'mesos', 'mesos.proto'));
  afterAll(() => fs.rmSync(path.dirname(prefix), { recursive: true, force: true }));

  test('does not simulate: it says to build the addon, in one message', async () => {
    const run = runExample([], { root: copy, env: { ...envWithoutMesos(), MESOS_HOME: prefix } });
    expect(await run.exited).toBe(1);
    expect(run.output()).toBe('');
    const lines = run.errors().trimEnd().split('\n');
    expect(lines[0]).toBe(
      `mesos-napi example: error MESOS_NAPI_ADDON_NOT_FOUND: the native addon is not built (Mesos 1.12.0 is at ${prefix}).`,
    );
    expect(lines).toContain('  - Build it: `npx mesos-napi build` (or `npm rebuild mesos-napi`).');
    expect(run.errors()).not.toMatch(STACK_FRAME);
  }, 60_000);
});

describe('the example with --simulate (Mesos or not)', () => {
  test('runs on the simulated cluster and says so', async () => {
    const run = runExample(['--simulate', '--tasks', '1', '--lifetime', '1']);
    expect(await run.exited).toBe(0);
    expect(run.output().split('\n')[0]).toMatch(/^mesos-napi example: SIMULATED \(--simulate\): /);
    expect(run.output()).toContain('framework DRIVER_STOPPED');
  }, 60_000);
});

describe("the example's command line", () => {
  test('--help prints the usage and exits 0; an unknown option is refused with it, exit 2', async () => {
    const help = withoutMesos(['--help']);
    expect(await help.exited).toBe(0);
    expect(help.output()).toMatch(/^usage: npm run example -- /);
    const bogus = withoutMesos(['--bogus']);
    expect(await bogus.exited).toBe(2);
    expect(bogus.output()).toBe('');
    expect(bogus.errors()).toMatch(/^mesos-napi example: Unknown option '--bogus'\n\nusage: /);
  }, 60_000);

  test.each([
    [['--tasks', '0'], "--tasks: expected a positive integer, got '0'"],
    [
      ['--simulate', '--master', 'local'],
      '--simulate runs its own cluster: leave out --master and --ha',
    ],
    [
      ['--ha', 'zk://127.0.0.1:2181/x'],
      '--ha needs a real cluster (--master zk://... or host:port)',
    ],
    [['--tasks'], "Option '--tasks <value>' argument missing"],
  ])(
    '%j is refused with exit 2',
    async (args, message) => {
      const run = withoutMesos(args);
      expect(await run.exited).toBe(2);
      expect(run.errors().split('\n')[0]).toBe(`mesos-napi example: ${message}`);
    },
    60_000,
  );
});
