import { createDispatcher, type DispatchHost } from '../driver/dispatch';
import type { DriverMetrics } from '../metrics/driver-metrics';
import type { NativeDispatch, NativeV1Library } from '../native/binding';

/**
 * The lifecycle both v1 libraries share. They run from construction until close(); close()
 * resolves once libmesos's library has been deleted (off the JS thread). A handler that
 * throws or rejects closes the library, and `closed` rejects with that very error (an
 * unhandled rejection when nobody awaits it, rather than lost). Handlers run one at a time,
 * in order; events arriving after close() are dropped.
 */
export class LibraryLifecycle {
  native: NativeV1Library | undefined;
  readonly closed: Promise<void>;
  private closing = false;
  private failure: { error: unknown } | undefined;
  private settle!: (failure: { error: unknown } | undefined) => void;

  constructor() {
    this.closed = new Promise<void>((resolve, reject) => {
      this.settle = (failure) => (failure ? reject(failure.error) : resolve());
    });
  }

  /** True once close() was called (or a handler failed). */
  get isClosing(): boolean {
    return this.closing;
  }

  /** The dispatch for the native library: decoded events to handler, failures to close(). */
  dispatchTo<M>(
    owner: M,
    handler: object,
    decoders: Record<string, (...raw: never[]) => unknown[]>,
    metrics?: DriverMetrics,
    observe?: DispatchHost<M>['observe'],
  ): NativeDispatch {
    return createDispatcher({
      driver: owner,
      handler,
      decoders,
      metrics,
      observe,
      dropping: () => this.closing,
      fail: (error) => {
        this.failure ??= { error };
        this.beginClose();
      },
    }).dispatch;
  }

  close(): Promise<void> {
    this.beginClose();
    return this.closed;
  }

  private beginClose(): void {
    if (this.closing || !this.native) return;
    this.closing = true;
    this.native.close(() => this.settle(this.failure));
  }
}
