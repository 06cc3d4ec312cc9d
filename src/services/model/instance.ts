import type { TaskState } from '../../messages';
import type { Place } from '../placement/constraints';

/** One entry of an instance's history. */
export interface InstanceHistoryEntry {
  /** Milliseconds since the epoch (the scheduler's clock). */
  at: number;
  /** What happened. */
  event: 'launched' | 'running' | 'healthy' | 'unhealthy' | 'ended' | 'kill-requested' | 'delayed';
  /** The task it concerns. */
  taskId?: string;
  /** The task's state, for updates. */
  state?: TaskState;
  /** The update's reason, or why the scheduler acted. */
  reason?: string;
  /** The update's message. */
  message?: string;
  /** For 'delayed': how long until it may launch again. */
  delaySeconds?: number;
}

/** The instance's current task. */
export interface InstanceTask {
  /** The task's id. */
  taskId: string;
  /** The agent it was launched on. */
  agentId: string;
  /** That agent's hostname and attributes, for the constraints. */
  place: Place;
  /** The ports it was given, in order. */
  ports: number[];
  /** Its latest state. */
  state: TaskState;
  /** undefined until the executor's health check has a result (or without a check). */
  healthy?: boolean;
  /** When it was launched (the scheduler clock's ms). */
  launchedAt: number;
  /** When it was last seen running (and healthy, with a check) without a break. */
  goodSince?: number;
  /** The task's state was asked of the master and no answer came yet. */
  reconciling?: boolean;
  /** We asked for it to be killed. */
  killRequested?: boolean;
  /** Killed by restart(): the instance launches again at once, no failure counted. */
  restarting?: boolean;
}

/** An instance of a pod: the record the scheduler keeps in the State. */
export interface InstanceRecord {
  /** `<pod>-<n>`. */
  id: string;
  /** The pod it is an instance of. */
  pod: string;
  /** The definition version whose pod this instance runs. */
  version: number;
  /**
   * run: keep it running. remove: kill its task and forget it (scaled down, or replaced in
   * an update). done: its task ended and the restart policy says not to run it again.
   */
  goal: 'run' | 'remove' | 'done';
  /** Its current task, if it has one. */
  task?: InstanceTask;
  /** Failures in a row, for the backoff. */
  failures: number;
  /** Epoch ms before which it is not launched again. */
  delayUntil?: number;
  /** Every launch of this instance. */
  launches: number;
  /** Its latest history entries, oldest first. */
  history: InstanceHistoryEntry[];
  /**
   * A pod with volumes: the agent where its first launch reserved its resources and created
   * its volumes, where it is always launched again.
   */
  resident?: { agentId: string; place: Place };
}

/** Entries kept per instance (the oldest go first). */
export const HISTORY_LIMIT = 50;

export function addHistory(instance: InstanceRecord, entry: InstanceHistoryEntry): void {
  instance.history.push(entry);
  if (instance.history.length > HISTORY_LIMIT)
    instance.history.splice(0, instance.history.length - HISTORY_LIMIT);
}

/** Running, and healthy when the pod has a health check. */
export function isHealthy(instance: InstanceRecord, hasCheck: boolean): boolean {
  const task = instance.task;
  if (!task || task.state !== 'TASK_RUNNING') return false;
  return hasCheck ? task.healthy === true : true;
}
