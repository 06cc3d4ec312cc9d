import { ExecutorEnvironmentError } from '../../../src/errors';
import { MesosExecutorDriver, stopAfter } from '../../../src/executor/executor-driver';
import type { Executor } from '../../../src/executor/executor';
import { decodeMessage, encodeMessage } from '../../../src/messages';
import { useBinding } from '../../../src/native/load';
import { Status } from '../../../src/status';
import { standInBinding } from '../../support/stand-in-binding';
import { AGENT_ENVIRONMENT as environment } from './agent-environment';

const enc = (name: string, value: object): Uint8Array => encodeMessage(name, value, 'test');

let binding: ReturnType<typeof standInBinding>;
beforeEach(() => {
  binding = standInBinding();
  useBinding(binding);
});
afterEach(() => useBinding(undefined));

function make(executor: Executor = {}) {
  const driver = new MesosExecutorDriver(executor, { environment });
  return { driver, native: binding.executors[binding.executors.length - 1] };
}

describe('MesosExecutorDriver', () => {
  it('checks the environment before the native driver exists', () => {
    expect(() => new MesosExecutorDriver({}, { environment: { MESOS_SLAVE_ID: 'a' } })).toThrow(
      ExecutorEnvironmentError,
    );
    expect(
      () =>
        new MesosExecutorDriver(
          {},
          { environment: { ...environment, MESOS_DIRECTORY: 1 as never } },
        ),
    ).toThrow(/^options\.environment\.MESOS_DIRECTORY: /);
    expect(binding.executors).toHaveLength(0);
  });

  it('passes the explicit environment, or the real process environment it checked', () => {
    const { native } = make();
    expect(native.constructorArgs).toEqual([environment]);
    const real = { ...binding.processEnvironment(), ...environment };
    binding.processEnvironment = () => real;
    new MesosExecutorDriver({});
    expect(binding.executors[1].constructorArgs).toEqual([real]);
    binding.processEnvironment = () => ({});
    expect(() => new MesosExecutorDriver({})).toThrow(/MESOS_SLAVE_PID/);
    expect(binding.executors).toHaveLength(2);
  });

  it('maps calls to native calls with the encoded status and bytes', () => {
    const { driver, native } = make();
    expect(driver.start()).toBe(Status.DRIVER_RUNNING);
    const status = {
      taskId: { value: 't' },
      state: 'TASK_RUNNING' as const,
      data: new Uint8Array([1]),
    };
    driver.sendStatusUpdate(status);
    driver.sendFrameworkMessage(new Uint8Array([9]));
    const [update, message] = native.calls.filter((c) => !['start', 'join'].includes(c.method));
    expect(update.method).toBe('sendStatusUpdate');
    expect(decodeMessage('mesos.TaskStatus', update.args[0] as Uint8Array)).toEqual(status);
    expect(message).toEqual({ method: 'sendFrameworkMessage', args: [new Uint8Array([9])] });
    expect(() => driver.sendStatusUpdate({ taskId: { value: 't' } } as never)).toThrow(
      'status.state: required field missing',
    );
    expect(() => driver.sendFrameworkMessage('x' as never)).toThrow(/^data: /);
  });

  it('delivers every callback decoded, and awaits async ones', async () => {
    const seen: unknown[] = [];
    const { driver, native } = make({
      registered: (_d, executorInfo, frameworkInfo, slaveInfo) =>
        void seen.push([
          'registered',
          executorInfo.executorId.value,
          frameworkInfo.name,
          slaveInfo.hostname,
        ]),
      reregistered: (_d, slaveInfo) => void seen.push(['reregistered', slaveInfo.hostname]),
      disconnected: () => void seen.push(['disconnected']),
      launchTask: async (_d, task) => {
        await new Promise((resolve) => setTimeout(resolve, 5));
        seen.push(['launchTask', task.taskId.value]);
      },
      killTask: (_d, taskId) => void seen.push(['killTask', taskId.value]),
      frameworkMessage: (_d, data) => void seen.push(['frameworkMessage', Array.from(data)]),
      shutdown: () => void seen.push(['shutdown']),
      error: (_d, message) => void seen.push(['error', message]),
    });
    driver.start();
    const slave = enc('mesos.SlaveInfo', { hostname: 'h' });
    native.dispatch(
      'registered',
      enc('mesos.ExecutorInfo', { executorId: { value: 'e' }, command: { value: 'x' } }),
      enc('mesos.FrameworkInfo', { user: 'u', name: 'f' }),
      slave,
    );
    native.dispatch('reregistered', slave);
    native.dispatch('disconnected');
    await native.dispatch(
      'launchTask',
      enc('mesos.TaskInfo', { name: 't', taskId: { value: 't' }, slaveId: { value: 's' } }),
    );
    native.dispatch('killTask', enc('mesos.TaskID', { value: 't' }));
    native.dispatch('frameworkMessage', new Uint8Array([1, 2]));
    native.dispatch('shutdown');
    native.dispatch('error', 'bad');
    expect(seen).toEqual([
      ['registered', 'e', 'f', 'h'],
      ['reregistered', 'h'],
      ['disconnected'],
      ['launchTask', 't'],
      ['killTask', 't'],
      ['frameworkMessage', [1, 2]],
      ['shutdown'],
      ['error', 'bad'],
    ]);
    driver.stop();
    await expect(driver.join()).resolves.toBe(Status.DRIVER_STOPPED);
  });

  it('a throwing callback aborts and run rejects with it', async () => {
    const boom = new Error('executor boom');
    const { driver, native } = make({
      launchTask() {
        throw boom;
      },
    });
    const run = driver.run();
    native.dispatch(
      'launchTask',
      enc('mesos.TaskInfo', { name: 't', taskId: { value: 't' }, slaveId: { value: 's' } }),
    );
    await expect(run).rejects.toBe(boom);
    expect(native.calls.map((c) => c.method)).toEqual(['start', 'join', 'abort', 'destroy']);
  });

  it('stopAfter waits, then stops and resolves with the final status', async () => {
    const { driver, native } = make();
    driver.start();
    const stopped = stopAfter(driver, 20);
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(native.calls.map((c) => c.method)).not.toContain('stop');
    await expect(stopped).resolves.toBe(Status.DRIVER_STOPPED);
    expect(native.calls.map((c) => c.method)).toContain('stop');
  });
});
