import type { CallbackResult } from '../../driver/callback-result';
import type { Event } from '../messages';
import type { Mesos } from './mesos';

/**
 * org.apache.mesos.v1.scheduler.Scheduler: what the library calls, on the JS thread, one
 * at a time and in order (an async handler is awaited before the next). Each is optional. A
 * handler that throws or rejects closes the library (see `Mesos.closed`).
 */
export interface Scheduler {
  /** Connected to a master: send SUBSCRIBE now (again after every reconnection). */
  connected?(mesos: Mesos): CallbackResult;
  /** Lost the master (it failed over, or the connection broke); `connected` follows. */
  disconnected?(mesos: Mesos): CallbackResult;
  /** One event from the master (SUBSCRIBED, OFFERS, UPDATE, HEARTBEAT, ERROR, …). */
  received?(mesos: Mesos, event: Event): CallbackResult;
}
