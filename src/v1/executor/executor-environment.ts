import { durationProblems, isUpid } from '../../driver/libmesos-flags';
import { ExecutorEnvironmentError } from '../../errors';

/**
 * Throws ExecutorEnvironmentError naming what makes libmesos's v1 executor library exit
 * (src/executor/executor.cpp): no MESOS_SLAVE_PID or one that is not a pid, no
 * MESOS_EXECUTOR_SHUTDOWN_GRACE_PERIOD or one that is not a duration, and with
 * MESOS_CHECKPOINT=1 no MESOS_RECOVERY_TIMEOUT or MESOS_SUBSCRIPTION_BACKOFF_MAX (or
 * values that are not durations). MESOS_FRAMEWORK_ID and MESOS_EXECUTOR_ID are required
 * too: every call carries them.
 */
export function checkV1ExecutorEnvironment(env: Record<string, string | undefined>): void {
  const required = [
    'MESOS_SLAVE_PID',
    'MESOS_EXECUTOR_SHUTDOWN_GRACE_PERIOD',
    'MESOS_FRAMEWORK_ID',
    'MESOS_EXECUTOR_ID',
  ];
  const durations = ['MESOS_EXECUTOR_SHUTDOWN_GRACE_PERIOD'];
  if (env.MESOS_CHECKPOINT === '1') {
    required.push('MESOS_RECOVERY_TIMEOUT', 'MESOS_SUBSCRIPTION_BACKOFF_MAX');
    durations.push('MESOS_RECOVERY_TIMEOUT', 'MESOS_SUBSCRIPTION_BACKOFF_MAX');
  }
  const missing = required.filter((name) => env[name] === undefined);
  const problems: string[] = [];
  const pid = env.MESOS_SLAVE_PID;
  if (pid !== undefined && !isUpid(pid)) {
    problems.push(`MESOS_SLAVE_PID '${pid}' is not an agent pid like slave(1)@10.0.0.1:5051`);
  }
  problems.push(...durationProblems(env, durations));
  if (missing.length > 0 || problems.length > 0) {
    throw new ExecutorEnvironmentError(missing, problems);
  }
}
