'use strict';
// Bench 1: events from a native thread to the start of the JS handler, through the same
// EventBridge the drivers use, against the same waiting hand-off consumed in C++ alone.
// threadWaits false is how most driver events travel (only implicitly acknowledged status
// updates, shutdown and error wait): throughput only.
const path = require('path');
const { latencySummary, round } = require('./stats');

const addon = () =>
  require(path.join(__dirname, '..', 'build', 'Release', 'mesos_napi_bridge_test.node'));

function throughJs(events, payload, async, wait) {
  const { BridgeTester } = addon();
  const latencies = new Float64Array(events);
  let received = 0;
  const handler = (_event, _thread, _sequence, bytes) => {
    const sent = bytes.readBigInt64LE(0);
    latencies[received++] = Number(process.hrtime.bigint() - sent);
    return async ? Promise.resolve() : undefined;
  };
  return new Promise((resolve) => {
    const tester = new BridgeTester(handler);
    const start = process.hrtime.bigint();
    tester.fire(
      1,
      events,
      payload,
      () => {
        const elapsedNs = Number(process.hrtime.bigint() - start);
        tester.release();
        resolve({ elapsedNs, latencies });
      },
      wait,
    );
  });
}

async function benchBridge({ events = 200000 } = {}) {
  const { cppBaseline } = addon();
  const rows = [];
  for (const payload of [64, 4096]) {
    const cpp = cppBaseline(1, events, payload);
    const cppRate = events / (cpp.elapsedNs / 1e9);
    const cppLatency = latencySummary(cpp.latenciesNs);
    for (const [async, wait] of [
      [false, true],
      [true, true],
      [false, false],
      [true, false],
    ]) {
      await throughJs(Math.min(events, 20000), payload, async, wait); // warm-up
      const js = await throughJs(events, payload, async, wait);
      const jsRate = events / (js.elapsedNs / 1e9);
      const jsLatency = latencySummary(js.latencies);
      rows.push({
        payloadBytes: payload,
        handler: async ? 'async' : 'sync',
        threadWaits: wait,
        eventsPerSec: Math.round(jsRate),
        // Without waiting, the producer floods the queue: latency is queueing, not the bridge.
        p50Us: wait ? round(jsLatency.p50Us) : null,
        p99Us: wait ? round(jsLatency.p99Us) : null,
        cppEventsPerSec: Math.round(cppRate),
        cppP50Us: round(cppLatency.p50Us),
        cppP99Us: round(cppLatency.p99Us),
        rateVsCpp: wait ? round(jsRate / cppRate, 3) : null,
      });
    }
  }
  return rows;
}

module.exports = { benchBridge };

if (require.main === module) {
  benchBridge().then((rows) => console.table(rows));
}
