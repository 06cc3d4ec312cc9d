import type { CallbackResult } from '../../driver/callback-result';
import type { ExecutorEvent } from '../messages';
import type { ExecutorMesos } from './executor-mesos';

/**
 * org.apache.mesos.v1.executor.Executor: what the library calls, on the JS thread, one at a
 * time and in order (an async handler is awaited before the next). Each is optional. A
 * handler that throws or rejects closes the library (see `ExecutorMesos.closed`).
 */
export interface Executor {
  /** Connected to the agent: send SUBSCRIBE now (again after every reconnection). */
  connected?(mesos: ExecutorMesos): CallbackResult;
  /** Lost the agent; with checkpointing, libmesos reconnects when it comes back. */
  disconnected?(mesos: ExecutorMesos): CallbackResult;
  /**
   * One event from the agent: SUBSCRIBED, LAUNCH, LAUNCH_GROUP, KILL, ACKNOWLEDGED,
   * MESSAGE, SHUTDOWN, ERROR, HEARTBEAT.
   */
  received?(mesos: ExecutorMesos, event: ExecutorEvent): CallbackResult;
}
