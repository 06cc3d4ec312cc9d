import type { NativeBridgeStats } from '../native/binding';
import { Histogram } from './histogram';
import type { MetricsSnapshot, MetricsSource } from './snapshot';

/** The counters behind a MetricsSnapshot, kept on the JS thread. */
export class DriverMetrics {
  readonly handlerSeconds = new Histogram();
  readonly offers = { received: 0, rescinded: 0, declined: 0, used: 0 };
  private readonly events: Record<string, number> = {};
  private readonly calls: Record<string, Record<string, number>> = {};
  private readonly updates: Record<string, number> = {};
  private waiting = 0;
  private maxWaiting = 0;

  constructor(readonly source: MetricsSource) {}

  event(type: string): void {
    this.events[type] = (this.events[type] ?? 0) + 1;
  }

  call(type: string, status: string): void {
    const byStatus = (this.calls[type] ??= {});
    byStatus[status] = (byStatus[status] ?? 0) + 1;
  }

  update(state: string | undefined): void {
    const key = state ?? 'UNKNOWN';
    this.updates[key] = (this.updates[key] ?? 0) + 1;
  }

  /** An event now waits behind a handler's pending promise. */
  enqueued(): void {
    if (++this.waiting > this.maxWaiting) this.maxWaiting = this.waiting;
  }

  /** A waiting event's handler starts. */
  dequeued(): void {
    this.waiting--;
  }

  snapshot(state: string, native: NativeBridgeStats | undefined): MetricsSnapshot {
    const copy = (record: Record<string, number>) => ({ ...record });
    const calls: Record<string, Record<string, number>> = {};
    for (const [type, byStatus] of Object.entries(this.calls)) calls[type] = copy(byStatus);
    return {
      source: this.source,
      state,
      events: copy(this.events),
      calls,
      handlerSeconds: this.handlerSeconds.snapshot(),
      queued: {
        now: (native?.queued ?? 0) + this.waiting,
        max: Math.max(native?.maxQueued ?? 0, this.maxWaiting),
      },
      libmesosWait: {
        count: native?.waits ?? 0,
        seconds: native?.waitSeconds ?? 0,
        maxSeconds: native?.maxWaitSeconds ?? 0,
      },
      updates: copy(this.updates),
      offers: { ...this.offers },
    };
  }
}
