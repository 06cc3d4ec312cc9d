import { performance } from 'perf_hooks';
import type { DriverMetrics } from '../metrics/driver-metrics';
import type { NativeDispatch } from '../native/binding';

type AfterDriver<F> = F extends (driver: never, ...rest: infer R) => unknown ? R : never;

/**
 * For each native event (NativeSchedulerEvents, NativeExecutorEvents), how its raw
 * arguments become the arguments the handler's callback takes after the driver: a change
 * on either side is a compile error here.
 */
export type EventDecoders<Events extends { [K in keyof Events]: unknown[] }, Handler> = {
  [K in keyof Events]: (
    ...raw: Events[K]
  ) => K extends keyof Handler ? AfterDriver<NonNullable<Handler[K]>> : never;
};

type AnyDecoders = Record<string, (...raw: never[]) => unknown[]>;

/** What a driver hands to createDispatch. */
export interface DispatchHost<D> {
  /** The idiomatic driver passed as the first callback argument. */
  driver: D;
  /** The user's handler object (scheduler or executor). */
  handler: object;
  decoders: AnyDecoders;
  /** True once the driver was stopped or aborted, or failed: events are dropped. */
  dropping(): boolean;
  /** A callback (or decoding) threw or rejected: abort the driver, reject join with it. */
  fail(error: unknown): void;
  /** Counts events, handler times and events waiting behind a pending handler. */
  metrics?: DriverMetrics;
  /**
   * Counts one event passed on to the handler (default: metrics.event(event)); `decoded`
   * gives its decoded arguments, decoding them once.
   */
  observe?(event: string, raw: unknown[], decoded: () => unknown[]): void;
}

export interface Dispatcher {
  /** The function the native driver calls for every event. Never throws, never rejects. */
  dispatch: NativeDispatch;
  /** Settles once no handler is running (at once when none is). */
  idle(): Promise<void>;
  /** The handler running now (a new value for each event), or undefined. */
  running(): number | undefined;
}

/**
 * The dispatch both drivers give the native constructor: decodes, and calls the user's
 * callbacks one at a time, in order: an event arriving while an async handler is pending
 * waits for it. dispatch returns undefined when the handler finished synchronously, else
 * a promise that settles when it has (the native side waits on it where libmesos needs
 * to, e.g. before an implicit acknowledgement).
 */
export function createDispatcher<D>(host: DispatchHost<D>): Dispatcher {
  let pending: Promise<void> | undefined;
  let events = 0;
  let running: number | undefined;
  const metrics = host.metrics;
  const handle = (event: string, raw: unknown[]): Promise<void> | undefined => {
    const id = ++events;
    // error() is never dropped: libmesos raises it from inside the constructor or start(),
    // before a stop() or abort() that follows at once could have seen it.
    if (event !== 'error' && host.dropping()) return undefined;
    const done = () => {
      if (running === id) running = undefined;
    };
    let began: number | undefined;
    const timed = () => {
      if (began !== undefined) metrics!.handlerSeconds.observe((performance.now() - began) / 1e3);
    };
    try {
      const callback = (host.handler as Record<string, unknown>)[event];
      const decoder = host.decoders[event];
      let args: unknown[] | undefined;
      const decoded = () => (args ??= decoder ? decoder(...(raw as never[])) : raw);
      if (metrics) {
        if (host.observe) host.observe(event, raw, decoded);
        else metrics.event(event);
      }
      if (typeof callback !== 'function') return undefined;
      const callArgs = decoded();
      running = id;
      if (metrics) began = performance.now();
      const result: unknown = callback.call(host.handler, host.driver, ...callArgs);
      if (isThenable(result)) {
        return Promise.resolve(result).then(
          () => {
            timed();
            done();
          },
          (error: unknown) => {
            timed();
            done();
            host.fail(error);
          },
        );
      }
    } catch (error) {
      timed();
      done();
      host.fail(error);
      return undefined;
    }
    timed();
    done();
    return undefined;
  };
  const settle = (promise: Promise<void>): Promise<void> => {
    pending = promise;
    void promise.then(() => {
      if (pending === promise) pending = undefined;
    });
    return promise;
  };
  return {
    dispatch: (event: string, ...raw: unknown[]): unknown => {
      if (pending) {
        metrics?.enqueued();
        return settle(
          pending.then(() => {
            metrics?.dequeued();
            return handle(event, raw);
          }),
        );
      }
      const result = handle(event, raw);
      return result ? settle(result) : undefined;
    },
    idle: () => pending ?? Promise.resolve(),
    running: () => running,
  };
}

function isThenable(value: unknown): value is PromiseLike<unknown> {
  return (
    (typeof value === 'object' || typeof value === 'function') &&
    value !== null &&
    typeof (value as { then?: unknown }).then === 'function'
  );
}
