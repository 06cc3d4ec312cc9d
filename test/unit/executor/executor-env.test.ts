import { ExecutorEnvironmentError } from '../../../src/errors';
import {
  checkExecutorEnvironment,
  REQUIRED_EXECUTOR_VARIABLES,
} from '../../../src/executor/executor-env';

const agentEnv = {
  MESOS_SLAVE_PID: 'slave(1)@127.0.0.1:5051',
  MESOS_SLAVE_ID: 'agent-1',
  MESOS_FRAMEWORK_ID: 'fw-1',
  MESOS_EXECUTOR_ID: 'exec-1',
  MESOS_DIRECTORY: '/tmp/sandbox',
};

describe('checkExecutorEnvironment', () => {
  it('accepts what an agent sets', () => {
    expect(() => checkExecutorEnvironment(agentEnv)).not.toThrow();
  });

  it('names every missing variable and says executors are started by an agent', () => {
    let error: unknown;
    try {
      checkExecutorEnvironment({ MESOS_SLAVE_ID: 'a' });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ExecutorEnvironmentError);
    const missing = REQUIRED_EXECUTOR_VARIABLES.filter((name) => name !== 'MESOS_SLAVE_ID');
    expect((error as ExecutorEnvironmentError).missing).toEqual(missing);
    expect((error as Error).message).toBe(
      `Cannot start the executor driver: ${missing.join(', ')} are not set. ` +
        'Executors are started by a Mesos agent, which sets these variables; libmesos would exit the process otherwise.',
    );
  });

  it.each([
    [{ MESOS_SLAVE_PID: 'nonsense' }, "MESOS_SLAVE_PID 'nonsense' is not an agent pid"],
    [
      { MESOS_EXECUTOR_SHUTDOWN_GRACE_PERIOD: '5 seconds' },
      "MESOS_EXECUTOR_SHUTDOWN_GRACE_PERIOD '5 seconds' is not a duration",
    ],
    [
      { MESOS_CHECKPOINT: '1', MESOS_RECOVERY_TIMEOUT: 'soon' },
      "MESOS_RECOVERY_TIMEOUT 'soon' is not a duration",
    ],
  ])('rejects values libmesos would exit on: %p', (overrides, message) => {
    expect(() => checkExecutorEnvironment({ ...agentEnv, ...overrides })).toThrow(message);
  });

  it('ignores a recovery timeout when not checkpointing, as libmesos does', () => {
    expect(() =>
      checkExecutorEnvironment({ ...agentEnv, MESOS_RECOVERY_TIMEOUT: 'soon' }),
    ).not.toThrow();
    expect(() =>
      checkExecutorEnvironment({ ...agentEnv, MESOS_EXECUTOR_SHUTDOWN_GRACE_PERIOD: '1.5mins' }),
    ).not.toThrow();
  });
});
