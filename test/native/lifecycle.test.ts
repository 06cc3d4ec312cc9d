import { spawnSync, type SpawnSyncOptionsWithStringEncoding } from 'child_process';
import * as fs from 'fs';
import path from 'path';
import { lastJsonLine } from '../support/fixture-json';
import { describeWithMesos } from '../support/mesos';

// Each case runs a fixture in a child process against real libmesos: a crash is a failed
// test, and so is a hang (the fixture is killed at the timeout).
describeWithMesos('driver lifecycle edges on libmesos', (install) => {
  function run(name: string, args: string[] = [], nodeArgs: string[] = []) {
    const result = spawnSync(
      process.execPath,
      [...nodeArgs, path.join(__dirname, 'fixtures', 'lifecycle', name), ...args],
      {
        encoding: 'utf8',
        timeout: 100_000,
        env: { ...process.env, GLOG_minloglevel: '3', PROTO_ROOT: install.protoRoot },
        // A process group of its own (spawnSync honours it, its types do not say so):
        // libmesos kills an executor's whole group when it loses its agent.
        detached: true,
      } as SpawnSyncOptionsWithStringEncoding,
    );
    const json = lastJsonLine(result.stdout, result.stderr);
    return { status: result.status, signal: result.signal, json };
  }

  test('an executor driver that never started is left alone at exit (no SIGSEGV)', () => {
    const result = run('executor-never-started.js', ['exit']);
    expect(result).toMatchObject({ signal: null, status: 0, json: { constructed: true } });
  });

  test('an executor driver that never started: stop(), abort() and join() do nothing, exit is clean', () => {
    const result = run('executor-never-started.js', ['calls']);
    expect(result).toMatchObject({ signal: null, status: 0 });
    expect(result.json).toEqual({
      calls: ['DRIVER_NOT_STARTED', 'DRIVER_NOT_STARTED'],
      joined: 'DRIVER_NOT_STARTED',
    });
  });

  test.each(['bad-flag', 'bad-detector'])(
    'a scheduler driver that never launched (%s): stop() then join() do not CHECK-fail in libmesos',
    (mode) => {
      const result = run('scheduler-never-launched.js', [mode]);
      expect(result).toMatchObject({ signal: null, status: 0 });
      expect(result.json).toEqual({
        started: 'DRIVER_ABORTED',
        stopped: 'DRIVER_ABORTED',
        joined: 'DRIVER_ABORTED',
        errors: 1,
      });
    },
  );

  test('a second master=local driver while the first is deleted: LocalClusterBusyError, then a third works', () => {
    const result = run('local-busy.js');
    expect(result).toMatchObject({ signal: null, status: 0 });
    expect(result.json).toEqual({
      busy: {
        name: 'LocalClusterBusyError',
        code: 'MESOS_NAPI_LOCAL_CLUSTER_BUSY',
        message: expect.stringContaining("framework 'first'"),
      },
      third: 'DRIVER_STOPPED',
    });
  }, 110_000);

  test('an abandoned master=local driver is collected with its cluster and work directory', () => {
    const result = run('local-abandoned.js', [], ['--expose-gc']);
    expect(result).toMatchObject({ signal: null, status: 0 });
    expect(result.json).toEqual({ collected: true, status: 'DRIVER_STOPPED', leftover: [] });
  }, 110_000);

  test('drivers that are never started are collected', () => {
    const result = run('collectable.js', [], ['--expose-gc']);
    expect(result).toMatchObject({ signal: null, status: 0 });
    expect(result.json).toEqual({ collected: ['executor', 'scheduler'] });
  });

  test('a waiting statusUpdate handler that stops the driver and awaits join() does not deadlock', () => {
    const result = run('waiting-handler.js', ['stop-join']);
    expect(result).toMatchObject({ signal: null, status: 0 });
    expect(result.json).toEqual({
      status: 'DRIVER_STOPPED',
      seen: ['TASK_STARTING', 'joined:DRIVER_STOPPED'],
    });
  }, 110_000);

  test('abort() releases a statusUpdate handler that never settles; join() resolves', () => {
    const result = run('waiting-handler.js', ['watchdog']);
    expect(result).toMatchObject({ signal: null, status: 0 });
    expect(result.json).toEqual({
      status: 'DRIVER_ABORTED',
      seen: ['TASK_STARTING', 'abort:DRIVER_ABORTED'],
    });
  }, 110_000);

  test('stop() and abort() before start() do nothing; the started driver delivers events', () => {
    const result = run('stop-before-start.js');
    expect(result).toMatchObject({ signal: null, status: 0 });
    expect(result.json).toEqual({
      early: ['DRIVER_NOT_STARTED', 'DRIVER_NOT_STARTED'],
      status: 'DRIVER_STOPPED',
      seen: ['registered'],
    });
  }, 110_000);

  test('join() before start() resolves DRIVER_NOT_STARTED; the started driver is still observed', () => {
    const result = run('join-before-start.js');
    expect(result).toMatchObject({ signal: null, status: 0 });
    expect(result.json).toEqual({
      early: 'DRIVER_NOT_STARTED',
      later: 'rejected failed on purpose',
      leftover: [],
    });
  }, 110_000);

  test('an executor driver in a worker checks the real environment, not the worker’s copy', () => {
    const result = run('executor-worker-env.js');
    expect(result).toMatchObject({ signal: null, status: 0 });
    expect(result.json).toEqual({ error: 'ExecutorEnvironmentError' });
  });

  test('join() resolves after the handler that was running when the driver stopped', () => {
    const result = run('join-waits-handler.js');
    expect(result).toMatchObject({ signal: null, status: 0 });
    expect(result.json).toEqual({ order: ['handler done', 'joined DRIVER_STOPPED'] });
  }, 110_000);

  test('a join callback that throws does not keep the others from running', () => {
    const result = run('raw-join-callback-throws.js');
    expect(result).toMatchObject({ signal: null, status: 0 });
    expect(result.json).toEqual({ seen: ['second: 4', 'uncaught: first callback'] });
  }, 110_000);

  test('process.exit() while a master=local driver runs exits with its code', () => {
    const result = run('process-exit.js');
    expect(result).toMatchObject({ signal: null, status: 7 });
  }, 110_000);

  test('process.exit() with a master=local driver never started removes its work directory', () => {
    const result = run('local-never-started-exit.js');
    expect(result).toMatchObject({ signal: null, status: 5 });
    const { tmp, created } = result.json as { tmp: string; created: string[] };
    expect(created).toEqual([expect.stringMatching(/^mesos-napi-local-/)]);
    expect(fs.readdirSync(tmp)).toEqual([]);
    fs.rmdirSync(tmp);
  }, 110_000);

  test('the environment option reaches libmesos and leaves nothing behind', () => {
    const result = run('scheduler-environment.js');
    expect(result).toMatchObject({ signal: null, status: 0 });
    expect(result.json).toMatchObject({ status: 'DRIVER_ABORTED', left: null });
    expect((result.json as { errors: string[] }).errors).toEqual([
      expect.stringContaining('modules'),
    ]);
  });

  // The environment lock was held only while setting and while restoring: overlapping
  // scopes in two workers left one worker's value behind (3 of 3 runs).
  test('drivers constructed in two workers with their own environment leave nothing behind', () => {
    const result = run('environment-scopes.js');
    expect(result).toMatchObject({ signal: null, status: 0 });
    expect(result.json).toEqual({ made: [300, 300], left: null });
  }, 60_000);

  // The addon and libmesos walked `environ` in a worker while the main thread's
  // process.env writes moved it: SIGSEGV (2 of 2 runs). Node's environment lock is held now.
  test('a worker reading the environment while the main thread writes process.env does not crash', () => {
    const result = run('environment-race.js');
    expect(result).toMatchObject({ signal: null, status: 0 });
    expect(result.json).toEqual({ made: { read: 400, made: 400 }, writes: true });
  }, 100_000);

  test('duplicate suppressed roles are refused before libmesos CHECK-fails', () => {
    const result = run('killing-inputs.js', ['roles']);
    expect(result).toMatchObject({ signal: null, status: 0 });
    expect(result.json).toEqual({
      constructor: expect.objectContaining({
        name: 'InvalidArgumentError',
        message: expect.stringMatching(/^options\.suppressedRoles\[2\]: 'a' is already/),
      }),
      update: expect.objectContaining({
        name: 'InvalidArgumentError',
        message: expect.stringMatching(/^suppressedRoles\[1\]: 'r' is already/),
      }),
      status: 'DRIVER_STOPPED',
    });
  }, 110_000);

  test('an empty framework user under a uid with no passwd entry is refused', () => {
    const result = run('killing-inputs.js', ['user']);
    expect(result).toMatchObject({ signal: null, status: 0 });
    expect(result.json).toEqual({
      error: expect.objectContaining({
        name: 'InvalidArgumentError',
        message: expect.stringMatching(/^options\.framework\.user: is empty/),
      }),
    });
  });
  describe('MESOS_* values libmesos ends the process on are refused first', () => {
    const refusals: [string, string, RegExp][] = [
      [
        'scheduler-process-env',
        'EnvironmentFlagError',
        /^MESOS_LOGGING_LEVEL \(in the process environment\): 'debug' is not INFO/,
      ],
      [
        'scheduler-option',
        'InvalidArgumentError',
        /^options\.environment\.MESOS_LOGGING_LEVEL: 'debug' is not INFO/,
      ],
      [
        'executor-grace',
        'ExecutorEnvironmentError',
        /MESOS_EXECUTOR_SHUTDOWN_GRACE_PERIOD '5 secs' is not a duration/,
      ],
      [
        'v1-executor-grace',
        'ExecutorEnvironmentError',
        /MESOS_EXECUTOR_SHUTDOWN_GRACE_PERIOD '5 secs' is not a duration/,
      ],
      [
        'v1-scheduler-flag',
        'InvalidArgumentError',
        /^options\.environment\.MESOS_CONNECTION_DELAY_MAX: '2 secs' is not a duration/,
      ],
      [
        'executor-pid-host',
        'ExecutorEnvironmentError',
        /MESOS_SLAVE_PID 'slave\(1\)@no-such-host\.invalid:5051' is not a pid libprocess can parse/,
      ],
      [
        'v1-executor-pid-host',
        'ExecutorEnvironmentError',
        /MESOS_SLAVE_PID 'slave\(1\)@no-such-host\.invalid:5051' is not a pid libprocess can parse/,
      ],
    ];
    test.each(refusals)('%s: %s', (mode, name, message) => {
      const result = run('environment-flags.js', [mode]);
      expect(result).toMatchObject({ signal: null, status: 0 });
      expect(result.json).toEqual({
        error: expect.objectContaining({ name, message: expect.stringMatching(message) }),
      });
    });

    test('values written as stout allows them are taken', () => {
      const result = run('environment-flags.js', ['accepted']);
      expect(result).toMatchObject({ signal: null, status: 0, json: { accepted: true } });
    });
  });
});
