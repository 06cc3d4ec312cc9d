import { ExecutorEnvironmentError } from './errors';

/** Variables without which libmesos's executor driver exits the process (exec.cpp). */
export const REQUIRED_EXECUTOR_VARIABLES = [
  'MESOS_SLAVE_PID',
  'MESOS_SLAVE_ID',
  'MESOS_FRAMEWORK_ID',
  'MESOS_EXECUTOR_ID',
  'MESOS_DIRECTORY',
] as const;

const DURATION = /^\s*\d+(?:\.\d+)?\s*(?:ns|us|ms|secs|mins|hrs|days|weeks)\s*$/;

/**
 * Throws ExecutorEnvironmentError naming every missing variable (or unparsable duration)
 * that would make libmesos exit: the required ones, MESOS_EXECUTOR_SHUTDOWN_GRACE_PERIOD
 * when set, and MESOS_RECOVERY_TIMEOUT when set and MESOS_CHECKPOINT=1.
 */
export function checkExecutorEnvironment(
  env: Record<string, string | undefined> = process.env,
): void {
  const problems: string[] = REQUIRED_EXECUTOR_VARIABLES.filter((name) => env[name] === undefined);
  const grace = env.MESOS_EXECUTOR_SHUTDOWN_GRACE_PERIOD;
  if (grace !== undefined && !DURATION.test(grace)) {
    problems.push(`MESOS_EXECUTOR_SHUTDOWN_GRACE_PERIOD (not a duration: '${grace}')`);
  }
  const recovery = env.MESOS_RECOVERY_TIMEOUT;
  if (env.MESOS_CHECKPOINT === '1' && recovery !== undefined && !DURATION.test(recovery)) {
    problems.push(`MESOS_RECOVERY_TIMEOUT (not a duration: '${recovery}')`);
  }
  if (problems.length > 0) throw new ExecutorEnvironmentError(problems);
}
