import { NotSubscribedError } from '../errors';

/**
 * Where a v1 scheduler or executor is, as far as the handlers have been told (connected, disconnected,
 * SUBSCRIBED): libmesos drops a SUBSCRIBE made before it is connected or once subscribed, and
 * any other call made before it is subscribed, without a word; check() refuses them instead.
 */
export class Subscription {
  private state: 'disconnected' | 'connected' | 'subscribed' = 'disconnected';

  /** As far as the handlers have been told. */
  get current(): 'disconnected' | 'connected' | 'subscribed' {
    return this.state;
  }

  connected(): void {
    this.state = 'connected';
  }

  disconnected(): void {
    this.state = 'disconnected';
  }

  received(event: { type?: string }): void {
    if (event.type === 'SUBSCRIBED') this.state = 'subscribed';
  }

  /** Throws a NotSubscribedError when `call` would be dropped now. */
  check(call: { type?: string }, method: string, closed: boolean): void {
    let problem: string | undefined;
    if (closed) problem = 'the library was closed';
    else if (this.state === 'disconnected') {
      problem = 'the library is not connected to a master yet (wait for connected())';
    } else if (call.type !== 'SUBSCRIBE' && this.state !== 'subscribed') {
      problem = 'not subscribed yet (wait for the SUBSCRIBED event)';
    } else if (call.type === 'SUBSCRIBE' && this.state === 'subscribed') {
      problem = 'already subscribed (subscribe again after the next connected())';
    }
    if (problem) {
      throw new NotSubscribedError(
        `${method}(${call.type}): ${problem}; libmesos would drop the call without a word`,
      );
    }
  }
}
