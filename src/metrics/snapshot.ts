import type { HistogramSnapshot } from './histogram';

/** Which object a snapshot is of. */
export type MetricsSource = 'scheduler-driver' | 'executor-driver' | 'v1-mesos' | 'v0-mesos';

/**
 * What a driver (or v1 library) did since it was constructed. Counts are exact; times are
 * measured on the JS thread (handlers) or on libmesos's thread (waits).
 */
export interface MetricsSnapshot {
  /** Which kind of object the snapshot is of. */
  source: MetricsSource;
  /**
   * The driver's status (DRIVER_NOT_STARTED, DRIVER_RUNNING, DRIVER_STOPPED,
   * DRIVER_ABORTED), or for V1Mesos: disconnected, connected, subscribed, closed.
   */
  state: string;
  /** Events passed to the handler, by type (callback name; v1: the event's type). */
  events: Record<string, number>;
  /**
   * Calls by type (method name; v1: the call's type) and by how they ended: the Status the
   * driver returned, or for v1 'sent' (send()), 'answered' or 'failed' (call()).
   */
  calls: Record<string, Record<string, number>>;
  /** Time from a handler's call to its return, or to the settling of the promise it returned. */
  handlerSeconds: HistogramSnapshot;
  /**
   * Events waiting for their handler: delivered by libmesos and not yet dispatched to the JS
   * thread, plus those waiting behind a handler's pending promise. `max` is the most at once
   * in either of these two places.
   */
  queued: { now: number; max: number };
  /**
   * Time libmesos's thread waited for handlers whose return it acts on: implicitly
   * acknowledged status updates (scheduler), shutdown (executor). Zeros without the addon.
   */
  libmesosWait: { count: number; seconds: number; maxSeconds: number };
  /** Status updates by task state: received (schedulers) or sent (executor driver). */
  updates: Record<string, number>;
  /**
   * Offers received, rescinded, declined (declineOffer, DECLINE, or accepted with nothing to
   * do) and used (accepted with tasks or operations); calls the driver refused are not counted.
   */
  offers: { received: number; rescinded: number; declined: number; used: number };
}
