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

export interface TaskInfoFields {
  name: string;
  taskId: TaskID;
  agentId: SlaveID;
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

/** A TaskInfo that runs either a command or on an executor (exactly one, as Mesos requires). */
export function taskInfo(fields: TaskInfoFields): Input<TaskInfo> {
  if ((fields.command === undefined) === (fields.executor === undefined)) {
    throw new InvalidArgumentError('taskInfo', 'give exactly one of command and executor');
  }
  return {
    name: fields.name,
    taskId: fields.taskId,
    slaveId: fields.agentId,
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
    throw new TypeError(
      type === 'CUSTOM'
        ? 'executorInfo: a CUSTOM executor needs a command'
        : 'executorInfo: the DEFAULT executor takes no command',
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
