import type { TaskState } from '../messages';

/** States after which a task never changes again (mesos.proto's terminal states). */
export const TERMINAL_STATES: ReadonlySet<TaskState> = new Set<TaskState>([
  'TASK_FINISHED',
  'TASK_FAILED',
  'TASK_KILLED',
  'TASK_ERROR',
  'TASK_LOST',
  'TASK_DROPPED',
  'TASK_GONE',
  'TASK_GONE_BY_OPERATOR',
]);

/** Whether the state is terminal (one of TERMINAL_STATES). */
export function isTerminal(state: TaskState): boolean {
  return TERMINAL_STATES.has(state);
}

/** The task did what it was asked: only TASK_FINISHED. */
export function isSuccess(state: TaskState): boolean {
  return state === 'TASK_FINISHED';
}
