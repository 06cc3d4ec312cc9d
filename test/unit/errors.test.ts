import {
  AddonNotFoundError,
  CallFailedError,
  ExecutorEnvironmentError,
  InvalidArgumentError,
  LocalClusterBusyError,
  LocalClusterError,
  MesosNapiError,
  NotSubscribedError,
} from '../../src/errors';
import {
  createVolume,
  executorInfo,
  healthCheck,
  killPolicy,
  launch,
  launchGroup,
  persistentVolume,
  reserve,
  scalar,
  subtractResources,
  taskInfo,
  unreserve,
} from '../../src/helpers';
import { encodeMessage } from '../../src/messages';

describe('errors', () => {
  it.each([
    [new InvalidArgumentError('tasks[0]', 'bad'), 'MESOS_NAPI_INVALID_ARGUMENT'],
    [new ExecutorEnvironmentError(['MESOS_SLAVE_PID']), 'MESOS_NAPI_EXECUTOR_ENVIRONMENT'],
    [new LocalClusterBusyError('busy'), 'MESOS_NAPI_LOCAL_CLUSTER_BUSY'],
    [new AddonNotFoundError('no addon', ['build it']), 'MESOS_NAPI_ADDON_NOT_FOUND'],
    [new NotSubscribedError('not yet'), 'MESOS_NAPI_NOT_SUBSCRIBED'],
    [new CallFailedError('no answer'), 'MESOS_NAPI_CALL_FAILED'],
    [new LocalClusterError('agent exited'), 'MESOS_NAPI_LOCAL_CLUSTER'],
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

  // Each helper's refusal, with the argument it names: all InvalidArgumentError, code included.
  const refusals: [string, () => unknown, string][] = [
    ['executorInfo', () => executorInfo({ executorId: { value: 'e' } }), 'executorInfo.command'],
    ['healthCheck port', () => healthCheck({ tcp: { port: 0 } }), 'healthCheck.port'],
    [
      'healthCheck timing',
      () => healthCheck({ tcp: { port: 1 } }, { delaySeconds: -1 }),
      'healthCheck.delaySeconds',
    ],
    ['killPolicy', () => killPolicy(-1), 'killPolicy.gracePeriodSeconds'],
    ['launch', () => launch([]), 'launch'],
    ['launchGroup', () => launchGroup({ executorId: { value: 'e' } }, []), 'launchGroup'],
    ['reserve', () => reserve([], { role: 'r' }), 'reserve'],
    ['unreserve', () => unreserve([scalar('cpus', 1)]), 'unreserve'],
    [
      'persistentVolume',
      () => persistentVolume(scalar('cpus', 1), { id: 'v', containerPath: 'p' }),
      'persistentVolume',
    ],
    ['createVolume', () => createVolume([]), 'createVolume'],
    ['subtract', () => subtractResources([], [scalar('cpus', 1)]), 'subtractResources'],
    [
      'encodeMessage',
      () => encodeMessage('mesos.NoSuchThing' as 'mesos.TaskInfo', {}, 'x'),
      'messageType',
    ],
  ];

  it.each(refusals)(
    '%s refuses bad input with an InvalidArgumentError naming it',
    (_, call, argument) => {
      let thrown: unknown;
      try {
        call();
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBeInstanceOf(InvalidArgumentError);
      expect(thrown).toBeInstanceOf(MesosNapiError);
      expect(thrown).toMatchObject({ code: 'MESOS_NAPI_INVALID_ARGUMENT', argument });
    },
  );
});
