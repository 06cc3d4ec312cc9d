import { decode, encode } from '../messages/codec';
import type {
  ExecutorInfo,
  FrameworkInfo,
  TaskInfo,
  TaskStatus,
} from '../messages/types.generated';
import type { NativeDispatch, NativeExecutorDriver } from '../native/binding';
import { Joiners } from './joiners';

const NOT_STARTED = 1;
const RUNNING = 2;
const ABORTED = 3;
const STOPPED = 4;

/** What the simulated executor driver reaches on its agent's side. */
export interface ExecutorSide {
  executorInfo: ExecutorInfo;
  frameworkInfo(): FrameworkInfo;
  slaveInfo(): object;
  /** The driver started: the agent registers it, then hands it its tasks. */
  started(driver: SimExecutorDriver): void;
  statusUpdate(status: TaskStatus): void;
  frameworkMessage(data: Uint8Array): void;
  /** The driver stopped or aborted: the executor process ends. */
  ended(status: number): void;
  later(fn: () => void): void;
  track(result: unknown): unknown;
  recordEvent(event: string, args: unknown[]): void;
}

/**
 * Stands where libmesos's MesosExecutorDriver stands under the real TypeScript executor
 * driver: the same statuses; events from the simulated agent.
 */
export class SimExecutorDriver implements NativeExecutorDriver {
  private status = NOT_STARTED;
  private readonly joiners = new Joiners();

  constructor(
    private readonly side: ExecutorSide,
    private readonly dispatch: NativeDispatch,
  ) {}

  get running(): boolean {
    return this.status === RUNNING;
  }

  start(): number {
    if (this.status !== NOT_STARTED) return this.status;
    this.status = RUNNING;
    this.side.later(() => this.side.started(this));
    return this.status;
  }

  stop(): number {
    if (this.status !== RUNNING && this.status !== ABORTED) return this.status;
    const aborted = this.status === ABORTED;
    this.end(STOPPED);
    return aborted ? ABORTED : STOPPED;
  }

  abort(): number {
    if (this.status !== RUNNING) return this.status;
    this.end(ABORTED);
    return ABORTED;
  }

  private end(status: number): void {
    this.status = status;
    this.side.later(() => this.side.ended(0));
    this.joiners.release(status);
  }

  join(onDone: (status: number) => void): void {
    this.joiners.join(this.status === RUNNING, this.status, onDone);
  }

  destroy(onDone: () => void): void {
    if (this.status === RUNNING) this.abort();
    setImmediate(onDone);
  }

  sendStatusUpdate(status: Uint8Array): number {
    if (this.status !== RUNNING) return this.status;
    const decoded = decode<TaskStatus>('mesos.TaskStatus', status);
    this.side.later(() => this.side.statusUpdate(decoded));
    return this.status;
  }

  sendFrameworkMessage(data: Uint8Array): number {
    if (this.status !== RUNNING) return this.status;
    this.side.later(() => this.side.frameworkMessage(data));
    return this.status;
  }

  // --- From the agent ------------------------------------------------------------------

  private deliver(event: string, decoded: unknown[], raw: unknown[]): void {
    if (this.status !== RUNNING) return;
    this.side.recordEvent(event, decoded);
    this.side.track(this.dispatch(event, ...raw));
  }

  registered(): void {
    const info = this.side.executorInfo;
    const framework = this.side.frameworkInfo();
    const slave = this.side.slaveInfo();
    this.deliver(
      'registered',
      [info, framework, slave],
      [
        encode('mesos.ExecutorInfo', info, 'executorInfo'),
        encode('mesos.FrameworkInfo', framework, 'frameworkInfo'),
        encode('mesos.SlaveInfo', slave, 'slaveInfo'),
      ],
    );
  }

  launchTask(task: TaskInfo): void {
    this.deliver('launchTask', [task], [encode('mesos.TaskInfo', task, 'task')]);
  }

  killTask(taskId: string): void {
    const id = { value: taskId };
    this.deliver('killTask', [id], [encode('mesos.TaskID', id, 'taskId')]);
  }

  frameworkMessage(data: Uint8Array): void {
    this.deliver('frameworkMessage', [data], [data]);
  }

  shutdown(): void {
    this.deliver('shutdown', [], []);
  }
}
