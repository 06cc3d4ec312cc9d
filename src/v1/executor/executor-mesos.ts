import type { Input } from '../../messages/input';
import type { ExecutorCall, ExecutorID, FrameworkID } from '../messages';

/**
 * org.apache.mesos.v1.executor.Mesos: the executor's side of the v1 HTTP API. Calls are
 * checked before libmesos sees them: a malformed one throws an InvalidArgumentError naming
 * the field, one libmesos would drop unseen (not yet connected or subscribed, or closed)
 * throws a NotSubscribedError.
 */
export interface ExecutorMesos {
  /** The framework this executor runs for (MESOS_FRAMEWORK_ID): every call carries it. */
  readonly frameworkId: FrameworkID;
  /** This executor (MESOS_EXECUTOR_ID): every call carries it. */
  readonly executorId: ExecutorID;
  /** Sends a call (SUBSCRIBE, UPDATE, MESSAGE) to the agent. */
  send(call: Input<ExecutorCall>): void;
  /** Stops the library; resolves once it is gone (see `closed`). */
  close(): Promise<void>;
  /**
   * Settles once the library has been closed: resolves after close(), rejects with the error
   * of a handler that threw or rejected (which closed it).
   */
  readonly closed: Promise<void>;
}
