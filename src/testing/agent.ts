import type { ResourceLike } from '../helpers';
import { isTerminal } from '../helpers';
import type {
  Attribute,
  ExecutorInfo,
  TaskInfo,
  TaskState,
  TaskStatus,
  TaskStatus_Reason,
  TaskStatus_Source,
} from '../messages/types.generated';
import { toMilliseconds } from './duration';
import type { TaskScript } from './task-script';
import type { VirtualClock, VirtualTimer } from './virtual-clock';

/** Mesos's agent retries an unacknowledged update after 10 s, doubling up to 10 minutes. */
export const RETRY_MIN_MS = 10_000;
export const RETRY_MAX_MS = 600_000;

/** What an agent needs from the rest of the simulation. */
export interface AgentHost {
  clock: VirtualClock;
  /** A status update leaves the agent's status update manager (first send or a retry). */
  forward(agent: SimAgent, task: AgentTask, status: TaskStatus, latest: TaskState): void;
  /** A custom executor ended (ExitedExecutorMessage). */
  executorExited(agent: SimAgent, executor: AgentExecutor, status: number): void;
  newUuid(): Uint8Array;
  timestamp(): number;
  /** How long a custom executor lives on after its last task ended; undefined: forever. */
  executorLingerMs: number | undefined;
  /** A user Executor for this executor, started by the cluster; undefined: scripts. */
  startExecutor(agent: SimAgent, executor: AgentExecutor): ExecutorRun | undefined;
}

/** A user Executor running on the agent (through the simulated executor driver). */
export interface ExecutorRun {
  launch(task: TaskInfo): void;
  kill(taskId: string): void;
  frameworkMessage(data: Uint8Array): void;
  /** The framework is torn down: shutdown() to the executor. */
  shutdown(): void;
}

export interface AgentTask {
  info: TaskInfo;
  frameworkId: string;
  executorId: string;
  /** The container the task runs in: its executor's (the command executor's for a command task). */
  containerId: string;
  custom: boolean;
  state: TaskState;
  /** Updates not yet acknowledged; the first is the one being sent. */
  stream: TaskStatus[];
  retry?: VirtualTimer;
  retryMs: number;
  steps: VirtualTimer[];
  killedAfterMs: number;
  killing: boolean;
  /** The command executor sends TASK_KILLING first (TASK_KILLING_STATE frameworks). */
  killingState: boolean;
}

export interface AgentExecutor {
  info: ExecutorInfo;
  frameworkId: string;
  containerId: string;
  resources: ResourceLike[];
  tasks: Set<string>;
  exit?: VirtualTimer;
  run?: ExecutorRun;
}

/** A simulated agent: runs tasks by their scripts and sends their updates reliably. */
export class SimAgent {
  reachable = true;
  readonly tasks = new Map<string, AgentTask>();
  readonly executors = new Map<string, AgentExecutor>();

  constructor(
    readonly id: string,
    readonly hostname: string,
    /** Its resources; RESERVE, CREATE and their opposites change them. */
    public total: ResourceLike[],
    readonly attributes: Attribute[],
    private readonly host: AgentHost,
  ) {}

  private key(frameworkId: string, id: string): string {
    return `${frameworkId}/${id}`;
  }

  executor(frameworkId: string, executorId: string): AgentExecutor | undefined {
    return this.executors.get(this.key(frameworkId, executorId));
  }

  /** Starts a task (and its executor when new) and plays its script. */
  launch(
    frameworkId: string,
    info: TaskInfo,
    script: TaskScript,
    executorResources: ResourceLike[],
    options: { killingState: boolean },
  ): void {
    const custom = !!info.executor;
    const executorId = info.executor?.executorId.value ?? info.taskId.value;
    if (info.executor) {
      const key = this.key(frameworkId, executorId);
      let executor = this.executors.get(key);
      if (!executor) {
        executor = {
          info: info.executor,
          frameworkId,
          containerId: uuidText(this.host.newUuid()),
          resources: executorResources,
          tasks: new Set<string>(),
        };
        this.executors.set(key, executor);
        executor.run = this.host.startExecutor(this, executor);
      }
      executor.exit?.cancel();
      executor.exit = undefined;
      executor.tasks.add(info.taskId.value);
    }
    const task: AgentTask = {
      info,
      frameworkId,
      executorId,
      containerId:
        this.executor(frameworkId, executorId)?.containerId ?? uuidText(this.host.newUuid()),
      custom,
      state: 'TASK_STAGING',
      stream: [],
      retryMs: RETRY_MIN_MS,
      steps: [],
      killedAfterMs: toMilliseconds(script.killedAfter ?? 0, 'script.killedAfter'),
      killing: false,
      killingState: options.killingState && !custom,
    };
    this.tasks.set(this.key(frameworkId, info.taskId.value), task);
    const run = this.executor(frameworkId, executorId)?.run;
    if (run) {
      run.launch(info);
      return;
    }
    let delay = 0;
    script.steps.forEach((step, i) => {
      delay += toMilliseconds(step.after ?? 0, `script.steps[${i}].after`);
      task.steps.push(
        this.host.clock.schedule(delay, () =>
          this.update(task, step.state, 'SOURCE_EXECUTOR', {
            reason: step.reason,
            message: step.message,
            healthy: step.healthy,
            data: step.data,
          }),
        ),
      );
    });
  }

  task(frameworkId: string, taskId: string): AgentTask | undefined {
    return this.tasks.get(this.key(frameworkId, taskId));
  }

  /** killTask reached the agent: the executor kills the task (TASK_KILLED). */
  kill(task: AgentTask): void {
    if (isTerminal(task.state) || task.killing) return;
    const run = this.executor(task.frameworkId, task.executorId)?.run;
    if (run) {
      run.kill(task.info.taskId.value);
      return;
    }
    task.killing = true;
    for (const step of task.steps) step.cancel();
    if (task.killingState) this.update(task, 'TASK_KILLING', 'SOURCE_EXECUTOR', {});
    // The command executor says how the command ended (src/launcher/executor.cpp).
    const fields = task.custom ? {} : { message: 'Command terminated with signal Terminated' };
    this.host.clock.schedule(task.killedAfterMs, () => {
      if (!isTerminal(task.state)) this.update(task, 'TASK_KILLED', 'SOURCE_EXECUTOR', fields);
    });
  }

  /** The executor reports a state; the status update manager sends it in order. */
  update(
    task: AgentTask,
    state: TaskState,
    source: TaskStatus_Source,
    fields: { reason?: TaskStatus_Reason; message?: string; healthy?: boolean; data?: Uint8Array },
  ): void {
    if (isTerminal(task.state) || !this.reachable) return;
    task.state = state;
    if (isTerminal(state)) for (const step of task.steps) step.cancel();
    const status: TaskStatus = {
      taskId: task.info.taskId,
      state,
      source,
      slaveId: { value: this.id },
      executorId: { value: task.executorId },
      timestamp: this.host.timestamp(),
      uuid: this.host.newUuid(),
      ...(fields.reason !== undefined ? { reason: fields.reason } : {}),
      ...(fields.message !== undefined ? { message: fields.message } : {}),
      ...(fields.healthy !== undefined ? { healthy: fields.healthy } : {}),
      ...(fields.data !== undefined ? { data: fields.data } : {}),
      // The agent adds the container's status to an executor's update (slave.cpp), with the
      // agent's address when no isolator reports one.
      ...(source === 'SOURCE_EXECUTOR'
        ? {
            containerStatus: {
              containerId: { value: task.containerId },
              networkInfos: [{ ipAddresses: [{ ipAddress: '127.0.0.1' }] }],
            },
          }
        : {}),
    } as TaskStatus;
    task.stream.push(status);
    if (task.stream.length === 1) this.send(task);
    if (isTerminal(state) && task.custom) this.taskEnded(task);
  }

  private send(task: AgentTask): void {
    task.retry?.cancel();
    const head = task.stream[0];
    if (!head) return;
    this.host.forward(this, task, head, task.state);
    const wait = task.retryMs;
    task.retry = this.host.clock.schedule(wait, () => {
      task.retryMs = Math.min(task.retryMs * 2, RETRY_MAX_MS);
      this.send(task);
    });
  }

  /** Sends every unacknowledged update again at once (the agent reregistered). */
  resendAll(): void {
    for (const task of this.tasks.values()) {
      if (task.stream.length > 0) this.send(task);
    }
  }

  /** An acknowledgement from the scheduler; true when it matched the update being sent. */
  acknowledge(task: AgentTask, uuid: Uint8Array): boolean {
    const head = task.stream[0];
    if (!head || !sameBytes(head.uuid, uuid)) return false;
    task.stream.shift();
    task.retry?.cancel();
    task.retry = undefined;
    task.retryMs = RETRY_MIN_MS;
    if (task.stream.length > 0) this.send(task);
    else if (isTerminal(task.state))
      this.tasks.delete(this.key(task.frameworkId, task.info.taskId.value));
    return true;
  }

  private taskEnded(task: AgentTask): void {
    const executor = this.executor(task.frameworkId, task.executorId);
    if (!executor) return;
    const live = [...executor.tasks].some((id) => {
      const t = this.task(task.frameworkId, id);
      return t !== undefined && !isTerminal(t.state);
    });
    const linger = this.host.executorLingerMs;
    // A user Executor decides itself when to end.
    if (live || linger === undefined || executor.run) return;
    executor.exit = this.host.clock.schedule(linger, () => this.terminateExecutor(executor, 0));
  }

  /** The executor process ends: its unfinished tasks fail, then the master is told. */
  terminateExecutor(executor: AgentExecutor, status: number): void {
    executor.exit?.cancel();
    const key = this.key(executor.frameworkId, executor.info.executorId.value);
    if (this.executors.get(key) !== executor) return;
    this.executors.delete(key);
    for (const id of executor.tasks) {
      const task = this.task(executor.frameworkId, id);
      if (task && !isTerminal(task.state)) {
        this.update(task, 'TASK_FAILED', 'SOURCE_SLAVE', {
          reason: 'REASON_EXECUTOR_TERMINATED',
          message: 'Executor terminated',
        });
      }
    }
    this.host.executorExited(this, executor, status);
  }

  /** Everything of a framework ends at once (teardown), without updates. */
  removeFramework(frameworkId: string): void {
    for (const [key, task] of this.tasks) {
      if (task.frameworkId !== frameworkId) continue;
      for (const step of task.steps) step.cancel();
      task.retry?.cancel();
      this.tasks.delete(key);
    }
    for (const [key, executor] of this.executors) {
      if (executor.frameworkId !== frameworkId) continue;
      executor.exit?.cancel();
      executor.run?.shutdown();
      this.executors.delete(key);
    }
  }
}

function sameBytes(a: Uint8Array | undefined, b: Uint8Array): boolean {
  return !!a && a.length === b.length && a.every((byte, i) => byte === b[i]);
}

/** A UUID's 16 bytes in its text form (as Mesos's ContainerIDs are). */
function uuidText(bytes: Uint8Array): string {
  const hex = Buffer.from(bytes).toString('hex');
  return [0, 8, 12, 16, 20].map((at, i, all) => hex.slice(at, all[i + 1] ?? 32)).join('-');
}
