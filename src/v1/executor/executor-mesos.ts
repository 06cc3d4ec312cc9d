import type { Input } from '../../messages/input';
import type { ExecutorCall } from '../messages';

/**
 * org.apache.mesos.v1.executor.Mesos: the executor's side of the v1 HTTP API. Calls are
 * checked before libmesos sees them: a malformed one throws an InvalidArgumentError naming
 * the field, one libmesos would drop unseen (not yet connected or subscribed, or closed)
 * throws a NotSubscribedError.
 */
export interface ExecutorMesos {
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
