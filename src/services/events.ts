import type { TaskState } from '../messages';

/** What happened to a service, as its scheduler emits it ('event') and keeps the latest. */
export type ServiceEvent = { at: number } & (
  | {
      type: 'instance-launched';
      instance: string;
      taskId: string;
      agentId: string;
      hostname: string;
    }
  | { type: 'instance-running'; instance: string; taskId: string }
  | { type: 'instance-healthy'; instance: string; taskId: string }
  | { type: 'instance-unhealthy'; instance: string; taskId: string }
  | {
      type: 'instance-ended';
      instance: string;
      taskId: string;
      state: TaskState;
      reason?: string;
      message?: string;
    }
  | { type: 'instance-restart-delayed'; instance: string; delaySeconds: number; failures: number }
  | { type: 'instance-kill-requested'; instance: string; taskId: string }
  | { type: 'instance-restart-requested'; instance: string; taskId?: string }
  | { type: 'instance-removed'; instance: string }
  | { type: 'unknown-task-killed'; taskId: string }
  | { type: 'deployment-started'; deployment: number; version: number; pods: string[] }
  | {
      type: 'deployment-step';
      deployment: number;
      pod: string;
      started: string[];
      removed: string[];
    }
  | { type: 'deployment-paused'; deployment: number }
  | { type: 'deployment-resumed'; deployment: number }
  | { type: 'deployment-succeeded'; deployment: number; version: number }
  | { type: 'deployment-failed'; deployment: number; version: number; reason: string }
);

/** Events kept for status() (the oldest go first). */
export const RECENT_EVENTS = 200;
