import type {
  CommandInfo,
  ContainerInfo,
  Environment_Variable,
  ExecutorID,
  ExecutorInfo,
  Filters,
  FrameworkID,
  HealthCheck,
  Input,
  KillPolicy,
  Labels,
  SlaveID,
  TaskID,
  TaskInfo,
} from '../messages';
import { InvalidArgumentError } from '../errors';
import type { ResourceLike } from './resource-kind';

/** A shell command, or a program with arguments (no shell), with environment variables. */
export function commandInfo(
  command: string | string[],
  environment: Record<string, string> = {},
): Input<CommandInfo> {
  const variables: Input<Environment_Variable>[] = Object.entries(environment).map(
    ([name, value]) => ({ name, value }),
  );
  const base: Input<CommandInfo> = Array.isArray(command)
    ? { shell: false, value: command[0], arguments: command }
    : { shell: true, value: command };
  return variables.length > 0 ? { ...base, environment: { variables } } : base;
}

export function labels(values: Record<string, string>): Input<Labels> {
  return { labels: Object.entries(values).map(([key, value]) => ({ key, value })) };
}

/**
 * The agent a task runs on: `agentId` (Mesos's current name) or `slaveId` (the name in
 * `Offer` and `TaskInfo`), exactly one: `taskInfo({ agentId: offer.slaveId, ... })` and
 * `taskInfo({ slaveId: offer.slaveId, ... })` build the same message.
 */
export type TaskAgentField =
  { agentId: SlaveID; slaveId?: never } | { slaveId: SlaveID; agentId?: never };

/** The fields of taskInfo() besides the agent. */
export interface TaskInfoCommonFields {
  name: string;
  taskId: TaskID;
  resources: ResourceLike[];
  command?: Input<CommandInfo>;
  executor?: Input<ExecutorInfo>;
  data?: Uint8Array;
  labels?: Record<string, string>;
  /** See healthCheck(). */
  healthCheck?: Input<HealthCheck>;
  /** See killPolicy(). */
  killPolicy?: Input<KillPolicy>;
  container?: Input<ContainerInfo>;
}

/** The fields of taskInfo(): the agent under either of its names (see TaskAgentField). */
export type TaskInfoFields = TaskInfoCommonFields & TaskAgentField;

/** A TaskInfo that runs either a command or on an executor (exactly one, as Mesos requires). */
export function taskInfo(fields: TaskInfoFields): Input<TaskInfo> {
  if ((fields.command === undefined) === (fields.executor === undefined)) {
    throw new InvalidArgumentError('taskInfo', 'give exactly one of command and executor');
  }
  return {
    name: fields.name,
    taskId: fields.taskId,
    slaveId: taskAgent(fields),
    resources: fields.resources,
    ...(fields.command ? { command: fields.command } : {}),
    ...(fields.executor ? { executor: fields.executor } : {}),
    ...(fields.data ? { data: fields.data } : {}),
    ...(fields.labels ? { labels: labels(fields.labels) } : {}),
    ...(fields.healthCheck ? { healthCheck: fields.healthCheck } : {}),
    ...(fields.killPolicy ? { killPolicy: fields.killPolicy } : {}),
    ...(fields.container ? { container: fields.container } : {}),
  };
}

function taskAgent(fields: TaskAgentField): SlaveID {
  const { agentId, slaveId } = fields as { agentId?: SlaveID; slaveId?: SlaveID };
  if ((agentId === undefined) === (slaveId === undefined)) {
    throw new InvalidArgumentError(
      'taskInfo.agentId',
      agentId === undefined
        ? 'missing: give agentId (or slaveId), usually offer.slaveId'
        : 'give agentId or slaveId, not both (they are the same field)',
    );
  }
  return (agentId ?? slaveId) as SlaveID;
}

export interface ExecutorInfoFields {
  executorId: ExecutorID;
  /**
   * CUSTOM (the default): your executor, started with `command`. DEFAULT: Mesos's default
   * executor, which runs task groups (launchGroup) and takes no command.
   */
  type?: 'CUSTOM' | 'DEFAULT';
  command?: Input<CommandInfo>;
  /** Needed for launchGroup (the master fills it in only for LAUNCH). */
  frameworkId?: FrameworkID;
  name?: string;
  resources?: ResourceLike[];
}

export function executorInfo(fields: ExecutorInfoFields): Input<ExecutorInfo> {
  const type = fields.type ?? 'CUSTOM';
  if ((type === 'CUSTOM') !== (fields.command !== undefined)) {
    throw new InvalidArgumentError(
      'executorInfo.command',
      type === 'CUSTOM'
        ? 'a CUSTOM executor needs a command'
        : 'the DEFAULT executor takes no command',
    );
  }
  return {
    type,
    executorId: fields.executorId,
    ...(fields.command ? { command: fields.command } : {}),
    ...(fields.frameworkId ? { frameworkId: fields.frameworkId } : {}),
    ...(fields.name ? { name: fields.name } : {}),
    ...(fields.resources ? { resources: fields.resources } : {}),
  };
}

/** Filters that keep declined resources away for refuseSeconds. */
export function filters(refuseSeconds: number): Filters {
  return { refuseSeconds };
}
