import type { ResourceLike } from '../helpers';
import { addResources, containsResources } from '../helpers';
import type { TaskInfo } from '../messages/types.generated';
import { describeResources } from './describe-resources';

/** An outstanding offer as the master keeps it. */
export interface OfferRecord {
  id: string;
  frameworkId: string;
  agentId: string;
  role: string;
  /** Allocated to `role` (each carries allocationInfo). */
  resources: ResourceLike[];
}

/**
 * The master's checks of the offer ids of an ACCEPT (validation.cpp, offer::validate), in
 * its order; the message it puts in `Task launched with invalid offers: …`.
 */
export function validateOfferIds(
  offerIds: string[],
  frameworkId: string,
  lookup: (id: string) => OfferRecord | undefined,
): string | undefined {
  if (offerIds.length === 0) return 'No offers specified';
  const seen = new Set<string>();
  for (const id of offerIds) {
    if (seen.has(id)) return `Duplicate offer ${id} in offer list`;
    seen.add(id);
  }
  for (const id of offerIds) {
    if (!lookup(id)) return `Offer ${id} is no longer valid`;
  }
  for (const id of offerIds) {
    const offer = lookup(id)!;
    if (offer.frameworkId !== frameworkId) {
      return `Offer ${id} has invalid framework ${offer.frameworkId} while framework ${frameworkId} is expected`;
    }
  }
  const first = lookup(offerIds[0])!;
  for (const id of offerIds) {
    const offer = lookup(id)!;
    if (offer.role !== first.role) {
      return `Aggregated offers must be allocated to the same role. Offer ${id} uses role '${offer.role} but another is using role '${first.role}`;
    }
  }
  for (const id of offerIds) {
    const offer = lookup(id)!;
    if (offer.agentId !== first.agentId) {
      return `Aggregated offers must belong to one single agent. Offer ${id} uses agent ${offer.agentId} and agent ${first.agentId}`;
    }
  }
  return undefined;
}

/** What the task checks need to know about the framework and agent. */
export interface TaskContext {
  frameworkId: string;
  agentId: string;
  role: string;
  /** A task of this framework with this id is known to the master (not yet removed). */
  isKnownTask(id: string): boolean;
  isUnreachableTask(id: string): boolean;
  /** The executor already runs on the agent (its resources are not needed again). */
  hasExecutor(id: string): boolean;
  available: ResourceLike[];
}

/** Resources as the master sees them after injecting the offer's allocation role. */
export function allocated(resources: ResourceLike[] | undefined, role: string): ResourceLike[] {
  return (resources ?? []).map((r) => (r.allocationInfo ? r : { ...r, allocationInfo: { role } }));
}

/**
 * The master's checks of one task of a LAUNCH (validation.cpp, task::validate), in its
 * order, for what the simulator models; returns the error message for TASK_ERROR, or the
 * resources the task (and a new executor) take.
 */
export function validateTask(
  task: TaskInfo,
  context: TaskContext,
): { error: string } | { consumed: ResourceLike[] } {
  const id = task.taskId.value;
  const idError = validateId(id);
  if (idError) return { error: `Task has an invalid TaskID: ${idError}` };
  if (context.isKnownTask(id)) return { error: `Task has duplicate ID: ${id}` };
  if (context.isUnreachableTask(id)) {
    return { error: `Task reuses the ID of an unreachable task: ${id}` };
  }
  if (task.slaveId.value !== context.agentId) {
    return {
      error: `Task uses invalid agent ${task.slaveId.value} while agent ${context.agentId} is expected`,
    };
  }
  if (task.resources.length === 0) return { error: 'Task uses no resources' };
  if (!!task.executor === !!task.command) {
    return {
      error: 'Task should have at least one (but not both) of CommandInfo or ExecutorInfo present',
    };
  }
  let total = allocated(task.resources, context.role);
  if (task.executor) {
    const executor = task.executor;
    const executorIdError = validateId(executor.executorId.value);
    if (executorIdError) {
      return { error: `Executor has an invalid ExecutorID: ${executorIdError}` };
    }
    if (executor.frameworkId && executor.frameworkId.value !== context.frameworkId) {
      return {
        error: `Executor has an invalid FrameworkID '${executor.frameworkId.value}'`,
      };
    }
    if (executor.type !== undefined && executor.type !== 'CUSTOM') {
      return { error: "'ExecutorInfo.type' must be 'CUSTOM'" };
    }
    if (!executor.command) return { error: "'ExecutorInfo.command' must be set" };
    if (!context.hasExecutor(executor.executorId.value)) {
      total = addResources(total, allocated(executor.resources, context.role));
    }
  }
  if (!containsResources(context.available, total)) {
    return {
      error: `Total resources ${describeResources(total)} required by task and its executor is more than available ${describeResources(context.available)}`,
    };
  }
  return { consumed: total };
}

function validateId(id: string): string | undefined {
  if (id.length === 0) return 'ID must not be empty';
  if (id === '.' || id === '..') return `'${id}' is disallowed`;
  // Control characters and path separators (common/validation.cpp).
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f/\\]/.test(id)) return `'${id}' contains invalid characters`;
  return undefined;
}
