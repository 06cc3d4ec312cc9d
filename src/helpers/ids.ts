import { randomUUID } from 'crypto';
import type { ExecutorID, FrameworkID, OfferID, SlaveID, TaskID } from '../messages';

/** A TaskID from its value. */
export const taskId = (value: string): TaskID => ({ value });
/** An OfferID from its value. */
export const offerId = (value: string): OfferID => ({ value });
/** An ExecutorID from its value. */
export const executorId = (value: string): ExecutorID => ({ value });
/** A FrameworkID from its value. */
export const frameworkId = (value: string): FrameworkID => ({ value });
/** A SlaveID (an agent's id) from its value. */
export const agentId = (value: string): SlaveID => ({ value });

/** A fresh task id: prefix-<uuid>. */
export function newTaskId(prefix = 'task'): TaskID {
  return { value: `${prefix}-${randomUUID()}` };
}
