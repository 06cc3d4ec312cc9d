import type { NativeDispatch, NativeDriverLifecycle } from '../native/binding';
import { createDispatch, type EventDecoders } from './index';
import { Status, toStatus } from '../status';

/**
 * Shared lifecycle of both drivers. Once started, the driver's end is observed whether or
 * not the user joins: the native driver is then destroyed (off the JS thread), cleanup
 * runs, and join()/run() settle. A callback failure aborts the driver and rejects join();
 * when nobody joined, it is rethrown as an uncaught exception rather than lost.
 */
export class Lifecycle {
  native: NativeDriverLifecycle | undefined;
  /** Runs once the native driver has been destroyed. */
  onFinished: (() => void) | undefined;
  private stopping = false;
  private failure: { error: unknown } | undefined;
  private finished: Promise<Status> | undefined;
  private userJoined = false;
  private destroyed = false;
  private final: Status = Status.DRIVER_STOPPED;

  /** The dispatch for the native driver: decoded events to handler, failures to this lifecycle. */
  dispatchTo<D>(driver: D, handler: object, decoders: EventDecoders): NativeDispatch {
    return createDispatch({
      driver,
      handler,
      decoders,
      dropping: () => this.dropping(),
      fail: (error) => this.fail(error),
    });
  }

  dropping(): boolean {
    return this.stopping || this.failure !== undefined;
  }

  /** The user called stop/abort: later events are dropped. */
  markStopping(): void {
    this.stopping = true;
  }

  fail(error: unknown): void {
    if (this.failure) return;
    this.failure = { error };
    if (!this.destroyed) this.native?.abort();
  }

  call(fn: (native: NativeDriverLifecycle) => number): Status {
    if (!this.native) return Status.DRIVER_NOT_STARTED;
    if (this.destroyed) return this.final;
    return toStatus(fn(this.native));
  }

  start(): Status {
    const status = this.call((native) => native.start());
    if (!this.destroyed) void this.observe();
    return status;
  }

  abort(): Status {
    this.markStopping();
    return this.call((native) => native.abort());
  }

  /** start(), then join() when it started. */
  async run(): Promise<Status> {
    const status = this.start();
    if (status !== Status.DRIVER_RUNNING) return status;
    return this.join();
  }

  join(): Promise<Status> {
    this.userJoined = true;
    return this.observe().then((status) => {
      if (this.failure) throw this.failure.error;
      return status;
    });
  }

  private observe(): Promise<Status> {
    const native = this.native;
    if (!native) return Promise.resolve(Status.DRIVER_NOT_STARTED);
    if (this.finished) return this.finished;
    const finished = new Promise<Status>((resolve) => {
      native.join((status: number) => {
        if (status === Status.DRIVER_NOT_STARTED) {
          this.finished = undefined;
          resolve(Status.DRIVER_NOT_STARTED);
          return;
        }
        this.destroyed = true;
        this.final = toStatus(status);
        native.destroy(() => {
          this.onFinished?.();
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
    this.finished = finished;
    return finished;
  }
}
