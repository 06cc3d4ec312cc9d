/** Upper bounds (seconds) of the handler-time histogram's buckets, as Prometheus's `le`. */
export const HANDLER_SECONDS_BUCKETS: readonly number[] = [
  0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10,
];

/** A histogram's snapshot: `buckets[i].count` counts observations <= `le` (cumulative). */
export interface HistogramSnapshot {
  /** Observations in all. */
  count: number;
  /** Seconds. */
  sum: number;
  /** Per upper bound `le` (seconds, ascending), the observations at or below it. */
  buckets: { le: number; count: number }[];
}

/** Counts per bucket (not cumulative until snapshot()), a total and a sum. */
export class Histogram {
  private readonly counts: number[];
  private count = 0;
  private sum = 0;

  constructor(private readonly bounds: readonly number[] = HANDLER_SECONDS_BUCKETS) {
    this.counts = new Array<number>(bounds.length + 1).fill(0);
  }

  observe(seconds: number): void {
    this.count++;
    this.sum += seconds;
    let i = 0;
    while (i < this.bounds.length && seconds > this.bounds[i]) i++;
    this.counts[i]++;
  }

  snapshot(): HistogramSnapshot {
    let cumulative = 0;
    const buckets = this.bounds.map((le, i) => ({ le, count: (cumulative += this.counts[i]) }));
    buckets.push({ le: Infinity, count: this.count });
    return { count: this.count, sum: this.sum, buckets };
  }
}
