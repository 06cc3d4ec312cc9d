'use strict';

function percentile(sorted, p) {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))];
}

// Latencies in ns (any array-like) to µs percentiles.
function latencySummary(values) {
  const sorted = Float64Array.from(values).sort();
  return { p50Us: percentile(sorted, 0.5) / 1000, p99Us: percentile(sorted, 0.99) / 1000 };
}

const round = (value, digits = 2) => Number(value.toFixed(digits));

module.exports = { latencySummary, percentile, round };
