'use strict';
// Bench 1b: what a driver's metrics cost per event on the JS thread: the dispatcher every
// driver uses (lib/driver/dispatch), with and without its metrics, on a sync handler. The
// bridge's own counters (a few atomic operations per event) are inside bench 1's figures.
const { performance } = require('perf_hooks');
const { createDispatcher } = require('../lib/driver/dispatch');
const { DriverMetrics } = require('../lib/metrics/driver-metrics');
const { percentile, round } = require('./stats');

function nsPerEvent(withMetrics, events) {
  const metrics = withMetrics ? new DriverMetrics('scheduler-driver') : undefined;
  let handled = 0;
  const { dispatch } = createDispatcher({
    driver: {},
    handler: { offerRescinded: () => void handled++ },
    decoders: {},
    dropping: () => false,
    fail: (error) => {
      throw error;
    },
    metrics,
  });
  const start = performance.now();
  for (let i = 0; i < events; i++) dispatch('offerRescinded', i);
  const ns = ((performance.now() - start) * 1e6) / events;
  if (handled !== events) throw new Error(`handled ${handled} of ${events}`);
  return ns;
}

// Runs off and on alternately (rounds times each) and keeps each one's median.
function benchMetrics({ events = 1_000_000, rounds = 7, bridgeP50Us } = {}) {
  nsPerEvent(false, events / 10); // warm-up
  nsPerEvent(true, events / 10);
  const off = [];
  const on = [];
  for (let r = 0; r < rounds; r++) {
    off.push(nsPerEvent(false, events));
    on.push(nsPerEvent(true, events));
  }
  const median = (values) => percentile(Float64Array.from(values).sort(), 0.5);
  const cost = median(on) - median(off);
  return [
    {
      handler: 'sync',
      events,
      rounds,
      offNsPerEvent: round(median(off), 1),
      onNsPerEvent: round(median(on), 1),
      costNsPerEvent: round(cost, 1),
      // Of bench 1's p50 (64 B, sync handler, thread waits) in the same run, when given.
      percentOfBridgeP50: bridgeP50Us ? round((cost / (bridgeP50Us * 1000)) * 100, 2) : null,
    },
  ];
}

module.exports = { benchMetrics };

if (require.main === module) console.table(benchMetrics());
