import type { NativeDriverLifecycle } from '../native/binding';
import { Status, toStatus } from '../status';

/**
 * Shared lifecycle of both drivers: join/run promises, abort on a failed callback,
 * dropping events after stop/abort, destroy after join.
 */
export class Lifecycle {
  native: NativeDriverLifecycle | undefined;
  private stopping = false;
  private failure: { error: unknown } | undefined;
  private joined: Promise<Status> | undefined;
  private destroyed = false;
  private final: Status = Status.DRIVER_STOPPED;

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
    try {
      this.native?.abort();
    } catch {
      // The failure is reported through join(); an abort on a destroyed driver is moot.
    }
  }

  call(fn: (native: NativeDriverLifecycle) => number): Status {
    if (!this.native) return Status.DRIVER_NOT_STARTED;
    if (this.destroyed) return this.final;
    return toStatus(fn(this.native));
  }

  join(): Promise<Status> {
    const native = this.native;
    if (!native) return Promise.resolve(Status.DRIVER_NOT_STARTED);
    this.joined ??= new Promise<Status>((resolve, reject) => {
      native.join((status: number) => {
        const finish = (): void => {
          if (this.failure) reject(this.failure.error);
          else resolve(toStatus(status));
        };
        if (status === Status.DRIVER_NOT_STARTED) {
          finish();
          return;
        }
        this.destroyed = true;
        this.final = toStatus(status);
        native.destroy(finish);
      });
    });
    return this.joined;
  }
}
