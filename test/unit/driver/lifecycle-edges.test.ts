import * as os from 'os';
import { LocalClusterBusyError } from '../../../src/errors';
import { useBinding } from '../../../src/native/load';
import { MesosSchedulerDriver } from '../../../src/scheduler/scheduler-driver';
import { Status } from '../../../src/status';
import { standInBinding } from '../../support/stand-in-binding';

let binding: ReturnType<typeof standInBinding>;
beforeEach(() => {
  binding = standInBinding();
  useBinding(binding);
});
afterEach(() => {
  useBinding(undefined);
  jest.restoreAllMocks();
});

jest.mock('os', () => {
  const actual = jest.requireActual<typeof os>('os');
  return { ...actual, userInfo: jest.fn(actual.userInfo) };
});

const options = { framework: { user: 'u', name: 'f' }, master: 'localhost:5050' };
const latest = () => binding.schedulers[binding.schedulers.length - 1];
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('lifecycle edges (stand-in binding)', () => {
  it('stop() and abort() before start() do nothing; later events are delivered', async () => {
    const seen: string[] = [];
    const driver = new MesosSchedulerDriver({ disconnected: () => void seen.push('x') }, options);
    expect(driver.stop()).toBe(Status.DRIVER_NOT_STARTED);
    expect(driver.abort()).toBe(Status.DRIVER_NOT_STARTED);
    driver.start();
    await latest().fire('disconnected');
    expect(seen).toEqual(['x']);
  });

  it('join() before start() resolves DRIVER_NOT_STARTED; the started driver is observed', async () => {
    const driver = new MesosSchedulerDriver(
      {
        disconnected: () => {
          throw new Error('boom');
        },
      },
      options,
    );
    const early = driver.join();
    driver.start();
    const later = driver.join();
    await latest().fire('disconnected');
    expect(await early).toBe(Status.DRIVER_NOT_STARTED);
    await expect(later).rejects.toThrow('boom');
    expect(latest().destroyed).toBe(true);
  });

  it('join() waits for a handler that started after it was called', async () => {
    const order: string[] = [];
    const driver = new MesosSchedulerDriver(
      {
        disconnected: async () => {
          await sleep(50);
          order.push('handler');
        },
      },
      options,
    );
    driver.start();
    const joined = driver.join().then((status) => order.push(`joined ${status}`));
    void latest().fire('disconnected');
    driver.stop();
    await joined;
    expect(order).toEqual(['handler', 'joined DRIVER_STOPPED']);
  });

  it('join() inside a handler, after an await, does not wait for that handler', async () => {
    let inside: Status | undefined;
    const driver = new MesosSchedulerDriver(
      {
        disconnected: async (d) => {
          await sleep(1);
          d.stop();
          inside = await d.join();
        },
      },
      options,
    );
    driver.start();
    await latest().fire('disconnected');
    expect(inside).toBe(Status.DRIVER_STOPPED);
    expect(await driver.join()).toBe(Status.DRIVER_STOPPED);
  });

  it('after abort(), join() does not wait for a handler that never settles', async () => {
    const driver = new MesosSchedulerDriver(
      { disconnected: () => new Promise<void>(() => undefined) },
      options,
    );
    driver.start();
    void latest().fire('disconnected');
    driver.abort();
    expect(await driver.join()).toBe(Status.DRIVER_ABORTED);
  });

  // Lifecycle hunt, seed 663919393: a join() made before such a handler began waited on,
  // abort() released only the joins made after it.
  it('abort() also releases a join() that was already waiting for a handler that never settles', async () => {
    const driver = new MesosSchedulerDriver(
      { error: () => new Promise<void>(() => undefined) },
      options,
    );
    // libmesos refuses to start (a flag that does not parse) and reports it through error().
    latest().status = 3;
    expect(driver.start()).toBe(Status.DRIVER_ABORTED);
    const joined = driver.join();
    void latest().fire('error', 'Failed to load flag');
    await sleep(20);
    driver.abort();
    const outcome = await Promise.race([joined, sleep(2000).then(() => 'still waiting')]);
    expect(outcome).toBe(Status.DRIVER_ABORTED);
  });
});

describe('scheduler options that protect the process', () => {
  it('environment: MESOS_* strings only, passed to the native driver', () => {
    expect(
      () => new MesosSchedulerDriver({}, { ...options, environment: { PATH: '/bin' } }),
    ).toThrow(/^options\.environment\.PATH: the scheduler driver reads MESOS_\* variables only/);
    expect(
      () => new MesosSchedulerDriver({}, { ...options, environment: { MESOS_X: 1 as never } }),
    ).toThrow(/^options\.environment\.MESOS_X: expected a string/);
    expect(binding.schedulers).toHaveLength(0);
    new MesosSchedulerDriver({}, { ...options, environment: { MESOS_MODULES: 'm' } });
    expect(latest().constructorArgs.slice(5)).toEqual([{ MESOS_MODULES: 'm' }, null]);
  });

  it('master=local: the defaults and a work directory, with the user environment over them', () => {
    new MesosSchedulerDriver(
      {},
      { ...options, master: 'local', environment: { MESOS_ISOLATION: 'posix/cpu' } },
    );
    const [environment, workDir] = latest().constructorArgs.slice(5) as [
      Record<string, string>,
      string,
    ];
    expect(environment).toMatchObject({
      MESOS_ISOLATION: 'posix/cpu',
      MESOS_LAUNCHER: 'posix',
      MESOS_WORK_DIR: workDir,
    });
  });

  it('a busy in-process cluster is a LocalClusterBusyError with its code', () => {
    binding.SchedulerDriver = function () {
      throw Object.assign(new Error('master=local: busy'), {
        code: 'MESOS_NAPI_LOCAL_CLUSTER_BUSY',
      });
    } as never;
    const attempt = () => new MesosSchedulerDriver({}, { ...options, master: 'local' });
    expect(attempt).toThrow(LocalClusterBusyError);
    expect(attempt).toThrow(expect.objectContaining({ code: 'MESOS_NAPI_LOCAL_CLUSTER_BUSY' }));
  });

  it('duplicate suppressed roles name the duplicate; nothing reaches the native driver', () => {
    expect(
      () => new MesosSchedulerDriver({}, { ...options, suppressedRoles: ['a', 'b', 'a'] }),
    ).toThrow(/^options\.suppressedRoles\[2\]: 'a' is already options\.suppressedRoles\[0\]/);
    const driver = new MesosSchedulerDriver({}, options);
    driver.start();
    expect(() => driver.updateFramework(options.framework, ['r', 'r'])).toThrow(
      /^suppressedRoles\[1\]: 'r' is already suppressedRoles\[0\]/,
    );
    expect(latest().calls.map((call) => call.method)).toEqual(['start', 'join']);
  });

  it('an empty user where the uid has no passwd entry is refused, naming the field', () => {
    jest.mocked(os.userInfo).mockImplementation(() => {
      throw new Error('ENOENT: no such file or directory, uv_os_get_passwd');
    });
    const framework = { user: '', name: 'f' };
    expect(() => new MesosSchedulerDriver({}, { ...options, framework })).toThrow(
      /^options\.framework\.user: is empty/,
    );
    const driver = new MesosSchedulerDriver({}, options);
    expect(() => driver.updateFramework(framework, [])).toThrow(/^frameworkInfo\.user: is empty/);
    expect(binding.schedulers).toHaveLength(1);
  });
});
