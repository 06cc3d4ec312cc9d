import type { NativeDriverLifecycle } from '../native/binding';
import { createDispatcher, type DispatchHost, type Dispatcher } from './dispatch';
import { debug } from '../logging/debug';
import type { DriverMetrics } from '../metrics/driver-metrics';
import type { MetricsSnapshot } from '../metrics/snapshot';
import type { NativeBridgeStats } from '../native/binding';
import { Status, toStatus } from '../status';

/**
 * Shared lifecycle of both drivers. Once started, the driver's end is observed whether or
 * not the user joins: the native driver is then destroyed (off the JS thread), and
 * join()/run() settle. A callback failure aborts the driver and rejects join(); when
 * nobody joined, it is rethrown as an uncaught exception rather than lost.
 */
export class Lifecycle {
  native: NativeDriverLifecycle | undefined;
  /** Set by the driver before dispatchTo(): what metrics() reports. */
  metrics: DriverMetrics | undefined;
  // Kept here: the native driver holds it weakly until started, so that a driver that is
  // never started can be collected.
  private dispatcher: Dispatcher | undefined;
  private halted = false;
  private abandoned = false;
  // Settles at abort(): a join() already waiting for a handler stops waiting then.
  private readonly abandonment: Promise<void>;
  private abandon: () => void = () => undefined;
  private failure: { error: unknown } | undefined;
  private finished: Promise<Status> | undefined;
  private userJoined = false;
  private destroyed = false;
  private final: Status = Status.DRIVER_STOPPED;
  // The status the last call returned, until the driver has ended.
  private current: Status = Status.DRIVER_NOT_STARTED;
  private finalStats: NativeBridgeStats | undefined;

  constructor() {
    this.abandonment = new Promise<void>((resolve) => (this.abandon = resolve));
  }

  /** The dispatch for the native driver: decoded events to handler, failures to this lifecycle. */
  dispatchTo<D>(
    driver: D,
    handler: object,
    decoders: Record<string, (...raw: never[]) => unknown[]>,
    observe?: DispatchHost<D>['observe'],
  ): Dispatcher['dispatch'] {
    this.dispatcher = createDispatcher({
      driver,
      handler,
      decoders,
      dropping: () => this.halted || this.failure !== undefined,
      fail: (error) => this.fail(error),
      metrics: this.metrics,
      observe,
    });
    return this.dispatcher.dispatch;
  }

  private fail(error: unknown): void {
    if (this.failure) return;
    this.failure = { error };
    if (!this.destroyed) this.native?.abort();
  }

  /** Calls the native driver; `name` is the call's in the metrics. */
  call(fn: (native: NativeDriverLifecycle) => number, name: string): Status {
    let status: Status;
    if (!this.native) status = Status.DRIVER_NOT_STARTED;
    else if (this.destroyed) status = this.final;
    else status = this.current = toStatus(fn(this.native));
    this.metrics?.call(name, status);
    return status;
  }

  /** The driver's status now: the last call's, or the one it ended with. */
  get state(): Status {
    return this.destroyed ? this.final : this.current;
  }

  snapshot(): MetricsSnapshot {
    const stats = this.destroyed ? this.finalStats : this.native?.bridgeStats?.();
    return this.metrics!.snapshot(this.state, stats);
  }

  /**
   * stop() and abort(). libmesos ignores both on a driver that was never started; once it
   * has taken either, later events are dropped. After abort(), join() no longer waits for
   * handlers still running (a watchdog's way out of a handler that never settles).
   */
  halt(fn: (native: NativeDriverLifecycle) => number, abandon: boolean, name: string): Status {
    const status = this.call(fn, name);
    if (status !== Status.DRIVER_NOT_STARTED) {
      this.halted = true;
      if (abandon) {
        this.abandoned = true;
        this.abandon();
      }
    }
    return status;
  }

  start(): Status {
    const status = this.call((native) => native.start(), 'start');
    debug('%s start(): %s', this.metrics?.source ?? 'driver', status);
    if (this.native && !this.finished && !this.destroyed) this.finished = this.observe(this.native);
    return status;
  }

  abort(): Status {
    return this.halt((native) => native.abort(), true, 'abort');
  }

  /** start(), then join() when it started. */
  async run(): Promise<Status> {
    const status = this.start();
    if (status !== Status.DRIVER_RUNNING) return status;
    return this.join();
  }

  /**
   * Settles once libmesos's driver is gone and no handler is running, as Java's join()
   * returns after the running callback. Two exceptions keep it from waiting forever: it
   * does not wait for a handler that was already running when join() was called (that
   * handler may be the caller), and after abort() it waits for none. Before start(), it
   * resolves with the driver's status at once.
   */
  join(): Promise<Status> {
    if (!this.finished) return this.notStarted();
    this.userJoined = true;
    const dispatcher = this.dispatcher;
    const runningAtCall = dispatcher?.running();
    return this.finished.then(async (status) => {
      const running = dispatcher?.running();
      if (running !== undefined && running !== runningAtCall && !this.abandoned) {
        await Promise.race([dispatcher?.idle(), this.abandonment]);
      }
      if (this.failure) throw this.failure.error;
      return status;
    });
  }

  private notStarted(): Promise<Status> {
    const native = this.native;
    if (!native) return Promise.resolve(Status.DRIVER_NOT_STARTED);
    return new Promise((resolve) => native.join((status) => resolve(toStatus(status))));
  }

  private observe(native: NativeDriverLifecycle): Promise<Status> {
    return new Promise<Status>((resolve) => {
      native.join((status: number) => {
        this.finalStats = native.bridgeStats?.();
        this.destroyed = true;
        this.final = toStatus(status);
        debug('%s ended: %s', this.metrics?.source ?? 'driver', this.final);
        native.destroy(() => {
          if (this.failure && !this.userJoined) {
            const { error } = this.failure;
            queueMicrotask(() => {
              throw error;
            });
          }
          resolve(this.final);
        });
      });
    });
  }
}
