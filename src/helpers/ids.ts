import { randomUUID } from 'crypto';
import type { ExecutorID, FrameworkID, OfferID, SlaveID, TaskID } from '../messages';

export const taskId = (value: string): TaskID => ({ value });
export const offerId = (value: string): OfferID => ({ value });
export const executorId = (value: string): ExecutorID => ({ value });
export const frameworkId = (value: string): FrameworkID => ({ value });
export const agentId = (value: string): SlaveID => ({ value });

/** A fresh task id: prefix-<uuid>. */
export function newTaskId(prefix = 'task'): TaskID {
  return { value: `${prefix}-${randomUUID()}` };
}
