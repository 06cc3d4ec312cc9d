import type { TaskInfo, TaskState, TaskStatus_Reason } from '../messages/types.generated';
import { InvalidArgumentError } from '../errors';
import type { Duration } from './duration';

/** Every TaskState (the type makes the list complete). */
const TASK_STATES: Record<TaskState, true> = {
  TASK_STAGING: true,
  TASK_STARTING: true,
  TASK_RUNNING: true,
  TASK_KILLING: true,
  TASK_FINISHED: true,
  TASK_FAILED: true,
  TASK_KILLED: true,
  TASK_ERROR: true,
  TASK_LOST: true,
  TASK_DROPPED: true,
  TASK_UNREACHABLE: true,
  TASK_GONE: true,
  TASK_GONE_BY_OPERATOR: true,
  TASK_UNKNOWN: true,
};

/** Throws an InvalidArgumentError naming the step whose state is not a TaskState. */
export function checkScript(script: TaskScript, where: string): void {
  if (typeof script !== 'object' || script === null || !Array.isArray(script.steps)) {
    throw new InvalidArgumentError(where, 'expected { steps: TaskStep[] }');
  }
  script.steps.forEach((step, i) => {
    const state: unknown = step?.state;
    if (typeof state !== 'string' || !Object.hasOwn(TASK_STATES, state)) {
      throw new InvalidArgumentError(
        `${where}.steps[${i}].state`,
        `expected a TaskState (TASK_RUNNING, TASK_FINISHED, …), got ${JSON.stringify(state)}`,
      );
    }
  });
}

/** One state a simulated task reports, `after` (default 0) the step before it. */
/** One status update of a scripted task. */
export interface TaskStep {
  /** Time after the previous step (or the launch) before this update; default 0. */
  after?: Duration;
  /** The state the update reports. */
  state: TaskState;
  /** The update's reason. */
  reason?: TaskStatus_Reason;
  /** The update's message. */
  message?: string;
  /** The update's health-check result. */
  healthy?: boolean;
  /** The update's data. */
  data?: Uint8Array;
}

/**
 * How a launched task behaves on its agent: the updates its executor sends, in order (after
 * the last step it stays in its last state until killed or lost), and how long a kill takes.
 */
export interface TaskScript {
  /** The updates the task sends, in order. */
  steps: TaskStep[];
  /** Time from killTask reaching the agent to TASK_KILLED. Default 0. */
  killedAfter?: Duration;
}

/** Decides the script of a launched task; undefined leaves it to the next rule (or the default). */
export type TaskRule = (
  task: TaskInfo,
  agent: { id: string; hostname: string },
) => TaskScript | undefined;

/**
 * A task that starts and runs for `duration`, then ends in `end` (default TASK_FINISHED).
 * Command tasks report TASK_STARTING first, as Mesos's command executor does, and end in
 * TASK_FINISHED with its message, "Command exited with status 0" (src/launcher/executor.cpp).
 */
export function runsFor(
  duration: Duration,
  end: TaskState = 'TASK_FINISHED',
  fields: Omit<TaskStep, 'after' | 'state'> = {},
): TaskRule {
  return (task) => {
    const exited = !task.executor && end === 'TASK_FINISHED' && fields.message === undefined;
    const message = exited ? { message: 'Command exited with status 0' } : {};
    return { steps: [...startSteps(task), { after: duration, state: end, ...message, ...fields }] };
  };
}

/** A task that fails as soon as it is started, with the given message. */
export function failsAtOnce(message = 'Command exited with status 1'): TaskRule {
  return (task) => ({
    steps: [...startSteps(task), { state: 'TASK_FAILED', message }],
  });
}

/** What a task does when no rule decides: starts and runs until killed. */
export function defaultScript(task: TaskInfo): TaskScript {
  return { steps: startSteps(task) };
}

/** TASK_STARTING then TASK_RUNNING for command tasks (the command executor), TASK_RUNNING otherwise. */
export function startSteps(task: TaskInfo): TaskStep[] {
  return task.executor
    ? [{ state: 'TASK_RUNNING' }]
    : [{ state: 'TASK_STARTING' }, { state: 'TASK_RUNNING' }];
}
