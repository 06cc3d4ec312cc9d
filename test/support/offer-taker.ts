import { filters } from '../../src/helpers';
import type { Offer } from '../../src/messages';
import type { Recorder } from './recorder';

/**
 * Hands a test the first offer that matches what it awaits (take); every other offer is
 * declined at once for refuseSeconds, so the agent's resources come back within a few
 * allocation intervals. A taken offer is the test's to accept or decline.
 */
export class OfferTaker {
  private waiter:
    { predicate: (offer: Offer) => boolean; resolve: (offer: Offer) => void } | undefined;

  constructor(recorder: Recorder, refuseSeconds = 0.1) {
    recorder.onOffers = (driver, offers) => {
      for (const offer of offers) {
        const waiter = this.waiter;
        if (waiter?.predicate(offer)) {
          this.waiter = undefined;
          waiter.resolve(offer);
        } else {
          driver.declineOffer(offer.id, filters(refuseSeconds));
        }
      }
    };
  }

  take(
    what: string,
    predicate: (offer: Offer) => boolean = () => true,
    timeoutMs = 20_000,
  ): Promise<Offer> {
    if (this.waiter) throw new Error('OfferTaker: one take() at a time');
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiter = undefined;
        reject(new Error(`timed out waiting for ${what}`));
      }, timeoutMs);
      this.waiter = {
        predicate,
        resolve: (offer) => {
          clearTimeout(timer);
          resolve(offer);
        },
      };
    });
  }
}
