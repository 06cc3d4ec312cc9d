import { ExecutorEnvironmentError } from '../errors';
import { durationProblems, isUpid } from '../driver/libmesos-flags';
import { checkStringMap } from '../driver/validate';
import type { NativeBinding } from '../native/binding';

/** Variables without which libmesos's executor driver exits the process (exec.cpp). */
export const REQUIRED_EXECUTOR_VARIABLES = [
  'MESOS_SLAVE_PID',
  'MESOS_SLAVE_ID',
  'MESOS_FRAMEWORK_ID',
  'MESOS_EXECUTOR_ID',
  'MESOS_DIRECTORY',
] as const;

/**
 * Throws ExecutorEnvironmentError naming every missing variable (or unparsable value)
 * that would make libmesos exit: the required ones, a MESOS_SLAVE_PID that is not a pid,
 * MESOS_EXECUTOR_SHUTDOWN_GRACE_PERIOD when set, MESOS_RECOVERY_TIMEOUT when set and
 * MESOS_CHECKPOINT=1.
 */
export function checkExecutorEnvironment(
  env: Record<string, string | undefined> = process.env,
): void {
  const missing: string[] = REQUIRED_EXECUTOR_VARIABLES.filter((name) => env[name] === undefined);
  const problems: string[] = [];
  const pid = env.MESOS_SLAVE_PID;
  if (pid !== undefined && !isUpid(pid)) {
    problems.push(`MESOS_SLAVE_PID '${pid}' is not an agent pid like slave(1)@10.0.0.1:5051`);
  }
  const durations = ['MESOS_EXECUTOR_SHUTDOWN_GRACE_PERIOD'];
  if (env.MESOS_CHECKPOINT === '1') durations.push('MESOS_RECOVERY_TIMEOUT');
  problems.push(...durationProblems(env, durations));
  if (missing.length > 0 || problems.length > 0) {
    throw new ExecutorEnvironmentError(missing, problems);
  }
}

/**
 * The environment libmesos's executor library gets: `given` (checked to be a map of strings),
 * or the process's real one, which libmesos reads (process.env is a copy in workers).
 */
export function executorEnvironment(
  binding: Pick<NativeBinding, 'processEnvironment'>,
  given: Record<string, string> | undefined,
): Record<string, string> {
  return given === undefined
    ? binding.processEnvironment()
    : checkStringMap(given, 'options.environment');
}

/**
 * Runs construct (a native executor's constructor); a refusal of the environment from the
 * addon (a MESOS_SLAVE_PID whose host does not resolve) becomes an ExecutorEnvironmentError.
 */
export function withEnvironmentErrors<T>(construct: () => T): T {
  try {
    return construct();
  } catch (error) {
    if ((error as { code?: unknown }).code === 'MESOS_NAPI_EXECUTOR_ENVIRONMENT') {
      throw new ExecutorEnvironmentError([], [(error as Error).message]);
    }
    throw error;
  }
}
