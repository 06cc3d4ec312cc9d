import type { TaskState } from '../../messages';
import type { RestartPolicy } from '../definition/types';

/** Marathon's defaults, and ours for resetAfterSeconds. */
export const RESTART_DEFAULTS: Required<RestartPolicy> = {
  policy: 'always',
  backoffSeconds: 1,
  backoffFactor: 1.15,
  maxLaunchDelaySeconds: 300,
  resetAfterSeconds: 300,
};

/** The delay before the launch after the n-th failure in a row (n ≥ 1), in seconds. */
export function launchDelaySeconds(policy: RestartPolicy | undefined, failures: number): number {
  const { backoffSeconds, backoffFactor, maxLaunchDelaySeconds } = {
    ...RESTART_DEFAULTS,
    ...policy,
  };
  if (failures <= 0) return 0;
  return Math.min(backoffSeconds * backoffFactor ** (failures - 1), maxLaunchDelaySeconds);
}

/** States in which the task's agent (not the task) failed: relaunched without a backoff. */
const AGENT_TROUBLE: ReadonlySet<TaskState> = new Set<TaskState>([
  'TASK_LOST',
  'TASK_GONE',
  'TASK_GONE_BY_OPERATOR',
  'TASK_UNREACHABLE',
  'TASK_DROPPED',
  'TASK_UNKNOWN',
]);

/** What becomes of an instance whose task ended in `state`. */
export type AfterExit = { relaunch: false } | { relaunch: true; counts: boolean };

export function afterExit(policy: RestartPolicy | undefined, state: TaskState): AfterExit {
  const which = policy?.policy ?? RESTART_DEFAULTS.policy;
  if (which === 'never') return { relaunch: false };
  if (which === 'on-failure' && state === 'TASK_FINISHED') return { relaunch: false };
  return { relaunch: true, counts: !AGENT_TROUBLE.has(state) };
}
