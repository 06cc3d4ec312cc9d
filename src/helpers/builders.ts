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

/** Labels from a plain object: labels({ tier: 'web' }). */
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
/** The fields of taskInfo() besides the agent. */
export interface TaskInfoCommonFields {
  /** The task's name, shown by Mesos's UI and API. */
  name: string;
  /** The task's id: unique among the framework's tasks (see newTaskId()). */
  taskId: TaskID;
  /** What the task uses, taken from the offer (see takeResources()). */
  resources: ResourceLike[];
  /** The command to run (a command task); exactly one of command and executor. */
  command?: Input<CommandInfo>;
  /** The executor to run the task (see executorInfo()); exactly one of command and executor. */
  executor?: Input<ExecutorInfo>;
  /** Opaque data for the executor. */
  data?: Uint8Array;
  /** The task's labels (see labels()). */
  labels?: Record<string, string>;
  /** See healthCheck(). */
  healthCheck?: Input<HealthCheck>;
  /** See killPolicy(). */
  killPolicy?: Input<KillPolicy>;
  /** The container to run the task in. */
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

/** The fields of executorInfo(). */
export interface ExecutorInfoFields {
  /** The executor's id: tasks given the same id run in one executor on an agent. */
  executorId: ExecutorID;
  /**
   * CUSTOM (the default): your executor, started with `command`. DEFAULT: Mesos's default
   * executor, which runs task groups (launchGroup) and takes no command.
   */
  type?: 'CUSTOM' | 'DEFAULT';
  /** How the agent starts a CUSTOM executor (see executorCommand()). */
  command?: Input<CommandInfo>;
  /** Needed for launchGroup (the master fills it in only for LAUNCH). */
  frameworkId?: FrameworkID;
  /** The executor's name. */
  name?: string;
  /** What the executor itself uses, besides its tasks. */
  resources?: ResourceLike[];
}

/** An ExecutorInfo for TaskInfo.executor (or launchGroup); checks that a CUSTOM executor has a command and a DEFAULT one none. */
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
