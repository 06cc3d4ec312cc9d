import type { Call, Event } from '../v1/messages';
import type { DriverMetrics } from './driver-metrics';

/** Counts a v1 scheduler event passed to the handler: by type, offers, updates by state. */
export function observeV1Event(metrics: DriverMetrics, event: Event): void {
  metrics.event(event.type ?? 'UNKNOWN');
  if (event.type === 'OFFERS') metrics.offers.received += event.offers?.offers.length ?? 0;
  else if (event.type === 'RESCIND') metrics.offers.rescinded++;
  else if (event.type === 'UPDATE') metrics.update(event.update?.status.state);
}

/** Counts a v1 scheduler call that went out, and the offers it declined or used. */
export function observeV1Call(metrics: DriverMetrics, call: Call, status: string): void {
  metrics.call(call.type ?? 'UNKNOWN', status);
  if (call.type === 'ACCEPT' && call.accept) {
    const used = call.accept.operations.length > 0;
    metrics.offers[used ? 'used' : 'declined'] += call.accept.offerIds.length;
  } else if (call.type === 'DECLINE' && call.decline) {
    metrics.offers.declined += call.decline.offerIds.length;
  }
}
