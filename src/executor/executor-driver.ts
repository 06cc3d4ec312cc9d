import type { EventDecoders } from '../driver/dispatch';
import { decode } from '../messages/codec';
import type { TaskStatus } from '../messages/message-types';
import type { Input } from '../messages';
import type { Executor } from './executor';
import {
  checkExecutorEnvironment,
  executorEnvironment,
  withEnvironmentErrors,
} from './executor-env';
import type { NativeExecutorDriver, NativeExecutorEvents } from '../native/binding';
import { LifecycleDriver } from '../driver/lifecycle-driver';
import { DriverMetrics } from '../metrics/driver-metrics';
import type { MetricsSnapshot } from '../metrics/snapshot';
import { loadBinding } from '../native/load';
import { Status } from '../status';
import { checkBytes, checkObject, encodeArg } from '../driver/validate';

/** org.apache.mesos.ExecutorDriver. Every call returns the driver's Status, as libmesos does. */
export interface ExecutorDriver {
  /** Starts the driver: it registers with the agent that started this process. */
  start(): Status;
  /**
   * Stops the driver. libmesos's stop terminates the executor process at once: status
   * updates the agent has not acknowledged yet are not retried. Send terminal updates,
   * then wait for the agent (e.g. a short delay, or see stopAfter) before stopping.
   */
  stop(): Status;
  /** Aborts the driver: no more callbacks. */
  abort(): Status;
  /** Resolves with the final status once the driver has ended. */
  join(): Promise<Status>;
  /** start(), then join() when it started. */
  run(): Promise<Status>;
  /** What the driver did so far: events, calls, handler times, queue, offers, updates. */
  metrics(): MetricsSnapshot;
  /**
   * Reports a task's state to the scheduler, through the agent, which retries until the
   * scheduler acknowledges it.
   */
  sendStatusUpdate(status: Input<TaskStatus>): Status;
  /** Sends data to the scheduler (best effort, no delivery guarantee). */
  sendFrameworkMessage(data: Uint8Array): Status;
}

/** Options of MesosExecutorDriver. */
export interface ExecutorDriverOptions {
  /**
   * The environment libmesos reads (MESOS_* variables) instead of the process's; default:
   * the process's real environment (in a worker thread too, where process.env is a copy).
   */
  environment?: Record<string, string>;
}

const executorDecoders: EventDecoders<NativeExecutorEvents, Executor> = {
  registered: (e, f, s) => [
    decode('mesos.ExecutorInfo', e),
    decode('mesos.FrameworkInfo', f),
    decode('mesos.SlaveInfo', s),
  ],
  reregistered: (s) => [decode('mesos.SlaveInfo', s)],
  disconnected: () => [],
  launchTask: (t) => [decode('mesos.TaskInfo', t)],
  killTask: (t) => [decode('mesos.TaskID', t)],
  frameworkMessage: (data) => [data],
  shutdown: () => [],
  error: (message) => [message],
};

/** libmesos's MesosExecutorDriver: connects an Executor, started by a Mesos agent, to that agent (see docs/executors.md). */
export class MesosExecutorDriver extends LifecycleDriver implements ExecutorDriver {
  private readonly native: NativeExecutorDriver;

  constructor(executor: Executor, options: ExecutorDriverOptions = {}) {
    super();
    checkObject(executor, 'executor');
    checkObject(options, 'options');
    const binding = loadBinding();
    // The environment checked is the one libmesos gets, which exits the process on a
    // missing or malformed variable.
    const environment = executorEnvironment(binding, options.environment);
    checkExecutorEnvironment(environment);
    this.life.metrics = new DriverMetrics('executor-driver');
    const dispatch = this.life.dispatchTo(this as ExecutorDriver, executor, executorDecoders);
    this.native = withEnvironmentErrors(() => new binding.ExecutorDriver(dispatch, environment));
    this.life.native = this.native;
  }

  stop(): Status {
    return this.life.halt(() => this.native.stop(), false, 'stop');
  }
  sendStatusUpdate(status: Input<TaskStatus>): Status {
    const bytes = encodeArg('mesos.TaskStatus', status, 'status');
    const sent = this.life.call(() => this.native.sendStatusUpdate(bytes), 'sendStatusUpdate');
    if (sent === Status.DRIVER_RUNNING) {
      this.life.metrics!.update(decode<TaskStatus>('mesos.TaskStatus', bytes).state);
    }
    return sent;
  }
  sendFrameworkMessage(data: Uint8Array): Status {
    const d = checkBytes(data, 'data');
    return this.life.call(() => this.native.sendFrameworkMessage(d), 'sendFrameworkMessage');
  }
}

/**
 * Sends nothing itself: waits `delayMs` (default 1000) so the agent can receive and
 * acknowledge the terminal updates already sent, then stops the driver and resolves with
 * join()'s status. libmesos's stop() terminates the executor process without retrying
 * unacknowledged updates (exec.cpp ExecutorProcess::stop), so stopping at once can lose them.
 */
export async function stopAfter(driver: ExecutorDriver, delayMs = 1000): Promise<Status> {
  await new Promise((resolve) => setTimeout(resolve, delayMs));
  driver.stop();
  return driver.join();
}
