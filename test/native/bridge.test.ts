import { spawnSync } from 'child_process';
import path from 'path';

const root = path.join(__dirname, '..', '..');
const fixture = (name: string): string => path.join(__dirname, 'fixtures', name);

function run(name: string, args: string[] = [], timeout = 60_000) {
  const result = spawnSync(process.execPath, [fixture(name), ...args], {
    encoding: 'utf8',
    timeout,
  });
  return {
    status: result.status,
    signal: result.signal,
    stdout: result.stdout,
    stderr: result.stderr,
    json: (): Record<string, unknown> => JSON.parse(result.stdout.trim().split('\n').pop() ?? ''),
  };
}

beforeAll(() => {
  const build = spawnSync(process.execPath, [path.join(root, 'scripts', 'build-bridge-test.js')], {
    encoding: 'utf8',
    timeout: 300_000,
  });
  if (build.status !== 0)
    throw new Error(`bridge test addon did not build:\n${build.stdout}${build.stderr}`);
}, 300_000);

describe('thread bridge (test-only addon, no Mesos)', () => {
  test('counts the events queued for the JS thread (now and the most) and the time threads waited', () => {
    const result = run('bridge-stats.js');
    expect(result.status).toBe(0);
    const { before, blocked, drained, awaited, handled } = result.json() as Record<
      string,
      Record<string, number>
    >;
    const none = { queued: 0, maxQueued: 0, waits: 0, waitSeconds: 0, maxWaitSeconds: 0 };
    expect(before).toEqual(none);
    expect(blocked).toEqual({ ...none, queued: 1000, maxQueued: 1000 });
    expect(drained).toEqual({ ...none, maxQueued: 1000 });
    expect(awaited).toMatchObject({ queued: 0, maxQueued: 1000, waits: 3 });
    expect(awaited.maxWaitSeconds).toBeGreaterThanOrEqual(0.045);
    expect(awaited.waitSeconds).toBeGreaterThanOrEqual(awaited.maxWaitSeconds);
    expect(handled).toBe(1003);
  });

  test('keeps each thread’s order across four threads and exits by itself', () => {
    const result = run('bridge-order.js', ['4', '25000', '64']);
    expect(result.status).toBe(0);
    expect(result.json()).toEqual({ received: 100000, outOfOrder: 0, badPayload: 0 });
  });

  test('delivers a million events, offer-sized payloads included', () => {
    const result = run('bridge-order.js', ['2', '500000', '8'], 120_000);
    expect(result.status).toBe(0);
    expect(result.json()).toEqual({ received: 1000000, outOfOrder: 0, badPayload: 0 });
    const offers = run('bridge-order.js', ['2', '2000', '4096']);
    expect(offers.json()).toEqual({ received: 4000, outOfOrder: 0, badPayload: 0 });
  }, 150_000);

  test('waits for async handlers: one at a time, in order', () => {
    const result = run('bridge-await.js');
    expect(result.status).toBe(0);
    expect(result.json()).toEqual({ received: 180, overlaps: 0, outOfOrder: 0 });
  });

  test('stopAwaiting() releases threads waiting on handlers that never settle', () => {
    const result = run('bridge-stop-awaiting.js', [], 30_000);
    expect(result.signal).toBeNull();
    expect(result.status).toBe(0);
    expect(result.json()).toEqual({ stoppedAfter: 1, received: 10 });
  });

  test('releasing while events are in flight stops delivery and the process exits', () => {
    const result = run('bridge-release-in-flight.js', [], 30_000);
    expect(result.signal).toBeNull();
    expect(result.status).toBe(0);
    expect(result.stdout).not.toContain('done');
    expect(result.json()).toEqual({ releasedAfter: 1000 });
  });

  test('a dispatch that throws is an uncaught exception, not a hang or a crash', () => {
    const result = run('bridge-throwing-dispatch.js', [], 30_000);
    expect(result.signal).toBeNull();
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('dispatch failed on purpose');
  });

  test('terminating a worker tears its bridge down and the main thread exits', () => {
    const result = run('bridge-worker.js', [], 30_000);
    expect(result.signal).toBeNull();
    expect(result.status).toBe(0);
    expect(result.json()).toEqual({ workerTerminated: true, code: 1 });
  });
});
