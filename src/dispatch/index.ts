import type { NativeDispatch } from '../native/binding';

/** How to turn one native event's raw arguments into the user's callback arguments. */
export type EventDecoders = Record<string, (...raw: unknown[]) => unknown[]>;

/** What a driver hands to createDispatch. */
export interface DispatchHost<D> {
  /** The idiomatic driver passed as the first callback argument. */
  driver: D;
  /** The user's handler object (scheduler or executor). */
  handler: object;
  decoders: EventDecoders;
  /** True once the user called stop/abort, or the driver failed: events are dropped. */
  dropping(): boolean;
  /** A callback (or decoding) threw or rejected: abort the driver, reject join with it. */
  fail(error: unknown): void;
}

/**
 * The one dispatch function both drivers give the native constructor: decodes, calls the
 * user's callback, returns undefined for sync handlers or a promise settling with the
 * async handler's. Never throws, never rejects.
 */
export function createDispatch<D>(host: DispatchHost<D>): NativeDispatch {
  return (event: string, ...raw: unknown[]): unknown => {
    if (host.dropping()) return undefined;
    try {
      const callback = (host.handler as Record<string, unknown>)[event];
      if (typeof callback !== 'function') return undefined;
      const decoder = host.decoders[event];
      const args = decoder ? decoder(...raw) : raw;
      const result: unknown = callback.call(host.handler, host.driver, ...args);
      if (isThenable(result)) {
        return Promise.resolve(result).then(
          () => undefined,
          (error: unknown) => host.fail(error),
        );
      }
    } catch (error) {
      host.fail(error);
    }
    return undefined;
  };
}

function isThenable(value: unknown): value is PromiseLike<unknown> {
  return (
    (typeof value === 'object' || typeof value === 'function') &&
    value !== null &&
    typeof (value as { then?: unknown }).then === 'function'
  );
}
