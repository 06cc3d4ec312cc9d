'use strict';
// Where the time goes in bench 1's waiting hand-off (64 B, sync handler, the firing thread
// waits for each handler): `perf record -e cpu-clock` of a process handing N events through
// the EventBridge, its JS thread and the firing thread apart, by part
// (bench/profile-parts.js); and, in this (unprofiled) process, the C++ hand-off alone.
// usage: node bench/profile-bridge.js [N (default 200000)]
const fs = require('fs');
const path = require('path');
const { profiledScript, perfRecord, samples, byPart, printParts } = require('./perf-report');

const OUT = path.join(__dirname, 'results', 'profiles');

const addon = () =>
  require(path.join(__dirname, '..', 'build', 'Release', 'mesos_napi_bridge_test.node'));

async function loop(n) {
  const { BridgeTester } = addon();
  const fire = (events) =>
    new Promise((resolve) => {
      const tester = new BridgeTester(() => undefined);
      const start = process.hrtime.bigint();
      tester.fire(
        1,
        events,
        64,
        () => {
          tester.release();
          resolve(Number(process.hrtime.bigint() - start));
        },
        true,
      );
    });
  await fire(20000);
  const ns = await fire(n);
  console.log(JSON.stringify({ tid: process.pid, jsRate: n / (ns / 1e9) }));
}

function main() {
  const n = Number(process.argv[2] || 200000);
  fs.mkdirSync(OUT, { recursive: true });
  const data = path.join(OUT, 'bridge.perf.data');
  const stdout = perfRecord(data, [process.execPath, __filename, '--loop', String(n)], {
    hz: 4000,
  });
  const { tid, jsRate } = JSON.parse(stdout.split('\n').find((l) => l.startsWith('{')));
  const cpp = addon().cppBaseline(1, n, 64);
  const cppRate = n / (cpp.elapsedNs / 1e9);
  console.log(
    `bridge, 64 B, sync handler, thread waits, ${n} events: ${Math.round(jsRate)} ev/s against the C++ hand-off's ${Math.round(cppRate)} (${(jsRate / cppRate).toFixed(3)})`,
  );
  const jsSamples = samples(data, tid);
  const js = byPart(jsSamples);
  console.log(`The JS thread's ${js.total} samples (the whole process life), by part:`);
  printParts(js);
  const jsRows = new Map(jsSamples.map((r) => [`${r.dso}|${r.symbol}`, r.count]));
  const others = samples(data)
    .map((r) => ({ ...r, count: r.count - (jsRows.get(`${r.dso}|${r.symbol}`) ?? 0) }))
    .filter((r) => r.count > 0);
  const rest = byPart(others);
  console.log(`Every other thread's ${rest.total} samples (the firing thread's, V8's, libuv's):`);
  printParts(rest);
}

profiledScript(loop, main);
