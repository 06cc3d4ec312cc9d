import type { CallbackResult } from '../driver/callback-result';
import type {
  ExecutorInfo,
  FrameworkInfo,
  SlaveInfo,
  TaskID,
  TaskInfo,
} from '../messages/message-types';
import type { ExecutorDriver } from './executor-driver';

/**
 * org.apache.mesos.Executor. Every callback is optional (a missing one does nothing), may
 * be async (the next event waits for it), and aborts the driver when it throws or rejects.
 */
export interface Executor {
  /** The executor registered with its agent; called once, before any task is launched. */
  registered?(
    driver: ExecutorDriver,
    executorInfo: ExecutorInfo,
    frameworkInfo: FrameworkInfo,
    slaveInfo: SlaveInfo,
  ): CallbackResult;
  /** The executor re-registered with a restarted agent (checkpointing frameworks). */
  reregistered?(driver: ExecutorDriver, slaveInfo: SlaveInfo): CallbackResult;
  /** The agent went away; with checkpointing, libmesos waits for it to come back. */
  disconnected?(driver: ExecutorDriver): CallbackResult;
  /**
   * Run a task: start it, then report with `sendStatusUpdate` (TASK_RUNNING, then a terminal
   * state). libmesos does not wait for the task, only for this callback.
   */
  launchTask?(driver: ExecutorDriver, task: TaskInfo): CallbackResult;
  /** Kill a task; report its end with a TASK_KILLED update. */
  killTask?(driver: ExecutorDriver, taskId: TaskID): CallbackResult;
  /** A message the scheduler sent with `SchedulerDriver.sendFrameworkMessage` (best effort). */
  frameworkMessage?(driver: ExecutorDriver, data: Uint8Array): CallbackResult;
  /**
   * The executor must end its tasks and exit; the agent kills it after its grace period
   * (MESOS_EXECUTOR_SHUTDOWN_GRACE_PERIOD). libmesos accepts no message once this returns,
   * and waits for its promise.
   */
  shutdown?(driver: ExecutorDriver): CallbackResult;
  /** An unrecoverable error, e.g. a malformed MESOS_* variable; the driver is aborted. */
  error?(driver: ExecutorDriver, message: string): CallbackResult;
}
