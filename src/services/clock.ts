/**
 * The time a service scheduler keeps (backoff delays, the time of events). The default is
 * the system's; tests on mesos-napi/testing pass the simulated cluster's virtual time:
 * `{ now: () => cluster.now, setTimeout: (fn, ms) => cluster.setTimeout(fn, ms) }`.
 */
export interface ServiceClock {
  /** Milliseconds (since the epoch, or since the simulation started). */
  now(): number;
  /** Runs fn once after ms; cancel() before then keeps it from running. */
  setTimeout(fn: () => void, ms: number): { cancel(): void };
}

export const systemClock: ServiceClock = {
  now: () => Date.now(),
  setTimeout(fn, ms) {
    // A timer alone does not keep the process alive: a running driver does.
    const timer = setTimeout(fn, ms).unref();
    return { cancel: () => clearTimeout(timer) };
  },
};
