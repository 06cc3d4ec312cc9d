import { isTerminal } from '../../helpers';
import type { TaskState } from '../../messages';

/**
 * Whether the task is gone for the service: ended, or unreachable or unknown (its agent is
 * gone; should it come back, the service kills it, having replaced it).
 */
export function taskGone(state: TaskState): boolean {
  return isTerminal(state) || state === 'TASK_UNREACHABLE' || state === 'TASK_UNKNOWN';
}
