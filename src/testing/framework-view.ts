import type { ResourceLike } from '../helpers';
import type {
  ContainerStatus,
  FrameworkInfo,
  TaskInfo,
  TaskState,
  TaskStatus,
} from '../messages/types.generated';

/** What the scheduler side looks like to the simulated master (the simulated driver). */
export interface SchedulerLink {
  /** The driver runs and is connected to the master: it takes messages. */
  readonly listening: boolean;
  readonly implicitAcknowledgements: boolean;
  registered(frameworkId: string, masterInfo: object): void;
  reregistered(masterInfo: object): void;
  disconnected(): void;
  offers(offers: object[]): void;
  rescinded(offerId: string): void;
  update(status: TaskStatus): void;
  frameworkMessage(executorId: string, agentId: string, data: Uint8Array): void;
  agentLost(agentId: string): void;
  executorLost(executorId: string, agentId: string, status: number): void;
  /** FrameworkErrorMessage: the driver aborts, then calls error(). */
  error(message: string): void;
}

/** A filter from a decline (or the unused part of an accept). */
export interface RefusalFilter {
  agentId: string;
  role: string;
  /** Unallocated resources: an offer they contain is held back. */
  resources: ResourceLike[];
  /** Inclusive: an allocation at this very time still honours it. */
  expiresAt: number;
}

/** A task as the master knows it. */
export interface MasterTask {
  info: TaskInfo;
  agentId: string;
  /** The latest state the agent reported. */
  state: TaskState;
  /** The state of the update last forwarded (what reconciliation reports). */
  statusUpdateState?: TaskState;
  /** The container status of the latest update that had one (reconciliation repeats it). */
  containerStatus?: ContainerStatus;
  /** Resources held while the task is not terminal (allocated to the offer's role). */
  holds: ResourceLike[];
}

export interface SimFramework {
  id: string;
  info: FrameworkInfo;
  link: SchedulerLink;
  roles: string[];
  suppressed: Set<string>;
  partitionAware: boolean;
  /** Taking offers: registered and its driver neither stopped nor aborted. */
  active: boolean;
  filters: RefusalFilter[];
  tasks: Map<string, MasterTask>;
  unreachableTasks: Set<string>;
  order: number;
}

export function rolesOf(info: FrameworkInfo): string[] {
  const multiRole = (info.capabilities ?? []).some((c) => c.type === 'MULTI_ROLE');
  if (multiRole) return [...(info.roles ?? [])];
  return [info.role ?? '*'];
}

export function hasCapability(info: FrameworkInfo, type: string): boolean {
  return (info.capabilities ?? []).some((c) => c.type === type);
}
