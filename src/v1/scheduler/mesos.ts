import type { Input } from '../../messages/input';
import type { MetricsSnapshot } from '../../metrics/snapshot';
import type { Call, Response } from '../messages';

/** The master's answer to `call()`. */
export interface CallResult {
  /** The HTTP status: 202 (accepted, no body), 200 (done; `response` when the call has one), … */
  statusCode: number;
  /** The decoded mesos.v1.scheduler.Response of a 200 answer that carried one. */
  response?: Response;
  /** For any status but 200 and 202: what the master said. */
  error?: string;
  /**
   * TEARDOWN only: true when the master closed the connection, as it does once it has removed
   * the framework, before its answer was read (`statusCode` is then 202, what it answers).
   */
  closedBeforeAnswer?: boolean;
}

/**
 * org.apache.mesos.v1.scheduler.Mesos: the scheduler's side of the v1 HTTP API. Calls are
 * checked before libmesos sees them: a malformed one throws an InvalidArgumentError naming
 * the field, one libmesos would drop unseen (not yet connected or subscribed, or closed)
 * throws a NotSubscribedError.
 */
export interface Mesos {
  /** Sends a call; answers come as events. Not for UPDATE_FRAMEWORK (use `call()`). */
  send(call: Input<Call>): void;
  /** Sends a call (not SUBSCRIBE) and resolves with the master's answer. */
  call(call: Input<Call>): Promise<CallResult>;
  /** Forces a new connection to the master: `disconnected`, then `connected`. */
  reconnect(): void;
  /** Stops the library; resolves once it is gone (see `closed`). */
  close(): Promise<void>;
  /**
   * Settles once the library has been closed: resolves after close(), rejects with the error
   * of a handler that threw or rejected (which closed it).
   */
  readonly closed: Promise<void>;
  /** What the library did so far: events, calls, handler times, queue, offers, updates. */
  metrics(): MetricsSnapshot;
}
