import { ExecutorEnvironmentError, InvalidArgumentError } from '../../../src/errors';
import { decodeMessage, encodeMessage } from '../../../src/messages';
import { useBinding } from '../../../src/native/load';
import { v1 } from '../../../src';
import { standInBinding } from '../../support/stand-in-binding';

let binding: ReturnType<typeof standInBinding>;
beforeEach(() => {
  binding = standInBinding();
  useBinding(binding);
});
afterEach(() => useBinding(undefined));

const ENVIRONMENT = {
  MESOS_SLAVE_PID: 'slave(1)@127.0.0.1:5051',
  MESOS_EXECUTOR_SHUTDOWN_GRACE_PERIOD: '5secs',
  MESOS_FRAMEWORK_ID: 'fw',
  MESOS_EXECUTOR_ID: 'ex',
};
const IDS = { frameworkId: { value: 'fw' }, executorId: { value: 'ex' } };

async function make() {
  const mesos = new v1.V1ExecutorMesos({}, { environment: ENVIRONMENT });
  const native = binding.v1[binding.v1.length - 1];
  await native.dispatch('connected');
  return { mesos, native };
}

function subscribed(): Uint8Array {
  return encodeMessage(
    'mesos.v1.executor.Event',
    {
      type: 'SUBSCRIBED',
      subscribed: {
        executorInfo: { executorId: IDS.executorId, command: {} },
        frameworkInfo: { user: 'u', name: 'f' },
        agentInfo: { hostname: 'h' },
      },
    },
    'event',
  );
}

describe('V1ExecutorMesos (stand-in binding)', () => {
  it('refuses an environment libmesos would exit on, naming every problem', () => {
    expect(() => new v1.V1ExecutorMesos({}, { environment: {} })).toThrow(ExecutorEnvironmentError);
    expect(() => v1.checkV1ExecutorEnvironment({ ...ENVIRONMENT, MESOS_SLAVE_PID: 'x' })).toThrow(
      /MESOS_SLAVE_PID 'x' is not an agent pid/,
    );
    expect(() =>
      v1.checkV1ExecutorEnvironment({
        ...ENVIRONMENT,
        MESOS_CHECKPOINT: '1',
        MESOS_RECOVERY_TIMEOUT: '15mins',
      }),
    ).toThrow(/MESOS_SUBSCRIPTION_BACKOFF_MAX is not set/);
    expect(() =>
      v1.checkV1ExecutorEnvironment({
        ...ENVIRONMENT,
        MESOS_EXECUTOR_SHUTDOWN_GRACE_PERIOD: 'soon',
      }),
    ).toThrow(/MESOS_EXECUTOR_SHUTDOWN_GRACE_PERIOD 'soon' is not a duration/);
    expect(binding.v1).toHaveLength(0);
  });

  it('hands libmesos the environment it checked, and the ids every call carries', async () => {
    const { mesos, native } = await make();
    expect(native.args).toEqual([ENVIRONMENT]);
    expect(mesos.frameworkId).toEqual(IDS.frameworkId);
    expect(mesos.executorId).toEqual(IDS.executorId);
    await mesos.close();
  });

  it('checks updates as libmesos does before sending them', async () => {
    const { mesos, native } = await make();
    mesos.send({ type: 'SUBSCRIBE', ...IDS, subscribe: {} });
    await native.dispatch('received', subscribed());
    const status = {
      taskId: { value: 't' },
      state: 'TASK_RUNNING' as const,
      source: 'SOURCE_EXECUTOR' as const,
      uuid: v1.newUuid(),
    };
    const cases: [unknown, RegExp][] = [
      [{ type: 'UPDATE', update: { status } }, /^call\.executorId: required field missing/],
      [
        { type: 'UPDATE', ...IDS, update: { status: { ...status, uuid: undefined } } },
        /^call\.update\.status\.uuid: is required/,
      ],
      [
        { type: 'UPDATE', ...IDS, update: { status: { ...status, uuid: new Uint8Array(16) } } },
        /^call\.update\.status\.uuid: not a valid UUID/,
      ],
      [
        { type: 'UPDATE', ...IDS, update: { status: { ...status, source: 'SOURCE_AGENT' } } },
        /^call\.update\.status\.source: must be SOURCE_EXECUTOR/,
      ],
      [
        { type: 'UPDATE', ...IDS, update: { status: { ...status, state: 'TASK_STAGING' } } },
        /^call\.update\.status\.state: TASK_STAGING/,
      ],
      [
        {
          type: 'UPDATE',
          ...IDS,
          update: { status: { ...status, executorId: { value: 'other' } } },
        },
        /^call\.update\.status\.executorId: 'other' differs/,
      ],
      [{ type: 'MESSAGE', ...IDS }, /^call\.message: is required/],
    ];
    for (const [call, message] of cases) {
      let thrown: unknown;
      try {
        mesos.send(call as v1.ExecutorCall);
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBeInstanceOf(InvalidArgumentError);
      expect((thrown as Error).message).toMatch(message);
    }
    mesos.send({ type: 'UPDATE', ...IDS, update: { status } });
    const sent = native.calls.map((c) =>
      decodeMessage('mesos.v1.executor.Call', c.args[0] as Uint8Array),
    );
    expect(sent.map((c) => (c as { type: string }).type)).toEqual(['SUBSCRIBE', 'UPDATE']);
    await mesos.close();
    expect(() => mesos.send({ type: 'UPDATE', ...IDS, update: { status } })).toThrow(/closed/);
  });
});
