import {
  AddonNotFoundError,
  CallFailedError,
  ExecutorEnvironmentError,
  InvalidArgumentError,
  LocalClusterBusyError,
  MesosNapiError,
  NotSubscribedError,
} from '../../src/errors';
import { taskInfo } from '../../src/helpers';

describe('errors', () => {
  it.each([
    [new InvalidArgumentError('tasks[0]', 'bad'), 'MESOS_NAPI_INVALID_ARGUMENT'],
    [new ExecutorEnvironmentError(['MESOS_SLAVE_PID']), 'MESOS_NAPI_EXECUTOR_ENVIRONMENT'],
    [new LocalClusterBusyError('busy'), 'MESOS_NAPI_LOCAL_CLUSTER_BUSY'],
    [new AddonNotFoundError('no addon', ['build it']), 'MESOS_NAPI_ADDON_NOT_FOUND'],
    [new NotSubscribedError('not yet'), 'MESOS_NAPI_NOT_SUBSCRIBED'],
    [new CallFailedError('no answer'), 'MESOS_NAPI_CALL_FAILED'],
  ])('%s is a MesosNapiError with code %s', (error, code) => {
    expect(error).toBeInstanceOf(MesosNapiError);
    expect(error.code).toBe(code);
    expect(error.name).toBe(error.constructor.name);
  });

  it('InvalidArgumentError is also a TypeError; subclasses do not claim each other', () => {
    const error = new InvalidArgumentError('x', 'bad');
    expect(error).toBeInstanceOf(TypeError);
    expect(new LocalClusterBusyError('busy')).not.toBeInstanceOf(ExecutorEnvironmentError);
    expect(new Error('plain')).not.toBeInstanceOf(MesosNapiError);
  });

  it('helpers throw InvalidArgumentError too', () => {
    expect(() =>
      taskInfo({ name: 't', taskId: { value: 't' }, agentId: { value: 'a' }, resources: [] }),
    ).toThrow(InvalidArgumentError);
  });
});
