import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import type { CommandInfo } from '../../../src/messages';
import { compileExamples } from '../../support/example-process';
import { tempDir } from '../../support/fake-mesos';

// The example's executor command, compiled (it points at the compiled executor.js), run here
// as an agent would run it but without an agent: the executor refuses to start, and where
// that refusal is printed shows where its output goes.
const root = path.join(__dirname, '..', '..', '..');
let commandFor: (options: { verbose: boolean; local: boolean }) => CommandInfo;
const sandbox = tempDir('sandbox');

beforeAll(() => {
  compileExamples();
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  commandFor = require(
    path.join(root, 'build', 'examples', 'http-server', 'executor-command.js'),
  ).httpServerExecutorCommand;
}, 120_000);
afterAll(() => fs.rmSync(sandbox, { recursive: true, force: true }));

function runAsAnAgentWould(command: CommandInfo) {
  const env: NodeJS.ProcessEnv = { PATH: process.env.PATH };
  for (const { name, value } of command.environment?.variables ?? []) env[name] = value;
  fs.rmSync(path.join(sandbox, 'executor.log'), { force: true });
  const [argv0, ...args] = command.arguments;
  const result = spawnSync(command.value!, args, { argv0, cwd: sandbox, env, encoding: 'utf8' });
  const log = path.join(sandbox, 'executor.log');
  return { ...result, log: fs.existsSync(log) ? fs.readFileSync(log, 'utf8') : undefined };
}

// Without an agent's MESOS_* variables (or, here without Mesos, without the addon).
const REFUSAL =
  /^mesos-napi example executor: error MESOS_NAPI_(EXECUTOR_ENVIRONMENT: Cannot start the executor driver|ADDON_NOT_FOUND): /m;

test('on master=local, quiet: everything the executor prints goes to executor.log in its sandbox', () => {
  const result = runAsAnAgentWould(commandFor({ verbose: false, local: true }));
  expect(result.status).toBe(1);
  expect(result.stdout).toBe('');
  expect(result.stderr).toBe('');
  expect(result.log).toMatch(REFUSAL);
  expect(result.log).not.toMatch(/^\s+at /m);
});

test('on master=local, verbose: the executor prints to the stderr it was given, with the stack', () => {
  const result = runAsAnAgentWould(commandFor({ verbose: true, local: true }));
  expect(result.status).toBe(1);
  expect(result.log).toBeUndefined();
  expect(result.stderr).toMatch(REFUSAL);
  expect(result.stderr).toMatch(/^\s+at /m);
});

test("on a real cluster the agent keeps the executor's output in its sandbox: no wrapper", () => {
  const command = commandFor({ verbose: false, local: false });
  expect(command.value).toBe(process.execPath);
  const variables = Object.fromEntries(
    (command.environment?.variables ?? []).map(({ name, value }) => [name, value]),
  );
  expect(variables).toEqual(
    expect.objectContaining({ MESOS_QUIET: 'true', GLOG_minloglevel: '2' }),
  );
  const result = runAsAnAgentWould(command);
  expect(result.stderr).toMatch(REFUSAL);
  expect(result.log).toBeUndefined();
});
