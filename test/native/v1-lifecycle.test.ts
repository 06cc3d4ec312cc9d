import { spawnSync } from 'child_process';
import path from 'path';
import { lastJsonLine } from '../support/fixture-json';
import { describeWithMesos } from '../support/mesos';

// Each case runs a fixture in a child process against real libmesos: a crash is a failed
// test, and so is a hang (the fixture is killed at the timeout). The fixtures never call
// process.exit(): a process that does not end by itself fails.
describeWithMesos('v1 library lifecycle edges on libmesos', (install) => {
  function run(name: string) {
    const started = Date.now();
    const result = spawnSync(
      process.execPath,
      [path.join(__dirname, 'fixtures', 'lifecycle', name)],
      {
        encoding: 'utf8',
        timeout: 90_000,
        env: { ...process.env, GLOG_minloglevel: '3', PROTO_ROOT: install.protoRoot },
      },
    );
    const json = lastJsonLine(result.stdout, result.stderr);
    return { status: result.status, signal: result.signal, json, ms: Date.now() - started };
  }

  test('a running V1Mesos keeps the process alive; once closed, the process exits by itself', () => {
    const result = run('v1-keeps-alive.js');
    expect(result).toMatchObject({ signal: null, status: 0 });
    expect(result.json).toMatchObject({
      closed: true,
      early: { name: 'NotSubscribedError', code: 'MESOS_NAPI_NOT_SUBSCRIBED' },
    });
    expect((result.json as { aliveMs: number }).aliveMs).toBeGreaterThanOrEqual(1500);
  });

  test('masters libmesos would exit on are InvalidArgumentErrors naming options.master', () => {
    const result = run('v1-bad-master.js');
    expect(result).toMatchObject({ signal: null, status: 0 });
    const errors = result.json as Record<string, { code: string; message: string }>;
    expect(Object.keys(errors)).toHaveLength(3);
    for (const error of Object.values(errors)) {
      expect(error.code).toBe('MESOS_NAPI_INVALID_ARGUMENT');
      expect(error.message).toMatch(/^options\.master: /);
    }
    expect(errors['file:///no/such/file'].message).toMatch(/Failed to read from file/);
  });

  // Each failed construction kept its bridge's thread-safe function (and its libuv handle)
  // until the environment was torn down.
  test('failed constructions leave no libuv handle behind', () => {
    const result = run('v1-bad-master-handles.js');
    expect(result).toMatchObject({ signal: null, status: 0 });
    const { before, after } = result.json as { before: number; after: number };
    expect(after).toBe(before);
  });

  // libmesos erased the token outside the addon's environment lock: a worker reading the
  // environment then lost the variable after it.
  test("a V1ExecutorMesos's construction loses no variable for a worker reading the environment", () => {
    const result = run('v1-executor-env-race.js');
    expect(result).toMatchObject({ signal: null, status: 0, json: { rounds: 400, missed: 0 } });
    expect((result.json as { reads: number }).reads).toBeGreaterThan(400);
  });

  test('master=local: subscribes, refuses a second local one, and exits once closed', () => {
    const result = run('v1-local.js');
    expect(result).toMatchObject({ signal: null, status: 0 });
    expect(result.json).toEqual({
      subscribed: true,
      busy: expect.objectContaining({ code: 'MESOS_NAPI_LOCAL_CLUSTER_BUSY' }),
      left: [],
    });
  });

  test('terminating a worker with a running V1Mesos tears it down without a crash or a hang', () => {
    const result = run('v1-worker.js');
    expect(result).toMatchObject({ signal: null, status: 0, json: { terminated: 1 } });
  });
});
