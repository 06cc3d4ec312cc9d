import type { CallResult } from './mesos';

/**
 * How libprocess fails a call whose connection closed after the request went out: the master
 * closes the subscription (and with it the call's connection) as it removes the framework, so
 * for a TEARDOWN this failure means the teardown took effect.
 */
const CLOSED_AFTER_SENDING = new Set(['Disconnected', 'Connection object was destructed']);

/** What call(TEARDOWN) resolves with when the master closed the connection before answering. */
export const TORN_DOWN_UNANSWERED: CallResult = { statusCode: 202, closedBeforeAnswer: true };

/**
 * A V1Mesos's TEARDOWN: once one has been sent, libmesos's reconnections are not passed on
 * (a handler that subscribes in connected() would register a new framework), and the library
 * closes once the master has taken it (answered it, or closed the connection).
 */
export class Teardown {
  private sent = false;
  private calls = 0;

  /** True once a TEARDOWN went out (and was not refused by the master). */
  get begun(): boolean {
    return this.sent;
  }

  /**
   * True when the connection's end means the library should close now: a TEARDOWN went out
   * and no call(TEARDOWN) is waiting for its outcome (which closes it, once settled).
   */
  get closeOnDisconnection(): boolean {
    return this.sent && this.calls === 0;
  }

  /** A TEARDOWN goes out, by call() when `byCall`. */
  begin(byCall: boolean): void {
    this.sent = true;
    if (byCall) this.calls++;
  }

  /**
   * The outcome of call(TEARDOWN): the result to resolve with, or undefined to reject with the
   * failure; `done` tells whether the framework is gone (the library should close).
   */
  settle(
    failure: string | null,
    result: CallResult | undefined,
  ): { result: CallResult | undefined; done: boolean } {
    this.calls--;
    if (result) {
      const done = result.statusCode >= 200 && result.statusCode < 300;
      if (!done) this.sent = false;
      return { result, done };
    }
    if (failure !== null && CLOSED_AFTER_SENDING.has(failure)) {
      return { result: TORN_DOWN_UNANSWERED, done: true };
    }
    this.sent = false;
    return { result: undefined, done: false };
  }
}
