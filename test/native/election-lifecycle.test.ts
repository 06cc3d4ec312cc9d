import { spawn } from 'child_process';
import path from 'path';
import { describeWithMesos } from '../support/mesos';

// A LeaderElection's lifecycle against libmesos, in child processes: a crash or a hang
// fails the test, not the runner. Nothing listens at the ZooKeeper address: libmesos's
// group keeps trying to connect, as when ZooKeeper is down.
const URL = 'zk://127.0.0.1:1/lifecycle';
const FIXTURE = path.join(__dirname, 'fixtures', 'ha', 'election-lifecycle.js');

function run(mode: string, killAfterMs = 20_000) {
  return new Promise<{ code: number | null; signal: string | null; lines: unknown[]; ms: number }>(
    (resolve) => {
      const started = Date.now();
      const child = spawn(process.execPath, [FIXTURE, mode, URL], {
        env: { ...process.env, GLOG_minloglevel: '3' },
      });
      let out = '';
      child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
      const timer = setTimeout(() => child.kill('SIGKILL'), killAfterMs);
      child.on('exit', (code, signal) => {
        clearTimeout(timer);
        const lines = out
          .split('\n')
          .filter(Boolean)
          .map((line) => JSON.parse(line) as unknown);
        resolve({ code, signal, lines, ms: Date.now() - started });
      });
    },
  );
}

describeWithMesos('leader election lifecycle on libmesos', () => {
  test('close() while contending: resolves, and the process exits by itself', async () => {
    const result = await run('close');
    expect(result).toMatchObject({ code: 0, signal: null });
    expect(result.lines).toEqual([
      { rejected: 'MESOS_NAPI_LEADER_ELECTION' },
      { closed: true, ms: expect.any(Number) },
    ]);
    expect(result.ms).toBeLessThan(15_000);
  }, 30_000);

  test('an election never closed keeps the process alive', async () => {
    const result = await run('alive', 4000);
    expect(result.signal).toBe('SIGKILL');
    expect(result.lines).toEqual([{ contending: true }]);
  }, 30_000);

  test('process.exit() while contending: no crash', async () => {
    const result = await run('exit');
    expect(result).toMatchObject({ code: 0, signal: null });
  }, 30_000);

  test('a worker terminated while contending: the election is torn down with it, no crash', async () => {
    const result = await run('worker');
    expect(result).toMatchObject({ code: 0, signal: null });
    expect(result.lines).toEqual([{ terminated: true }]);
  }, 30_000);

  test('an election never contended holds nothing: the process exits', async () => {
    const result = await run('never');
    expect(result).toMatchObject({ code: 0, signal: null, lines: [{ constructed: true }] });
  }, 30_000);
});
