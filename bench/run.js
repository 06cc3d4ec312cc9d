'use strict';
// npm run bench: every benchmark that can run here, as tables, and bench/results/bench.json.
const fs = require('fs');
const os = require('os');
const path = require('path');
const { benchBridge } = require('./bridge');
const { benchMetrics } = require('./metrics');
const { benchLocalEnv } = require('./local-env');

const REQUIRES_MESOS = '2-5 (reconciliation, calls, memory, peers) need Mesos and the addon';

function mesosHere() {
  const { findMesos } = require('../lib/discovery');
  const { install } = findMesos();
  if (!install) return { reason: 'no Mesos installation found (npx mesos-napi doctor)' };
  const addon = path.join(__dirname, '..', 'build', 'Release', 'mesos_napi.node');
  if (!fs.existsSync(addon))
    return { reason: `the addon is not built (${addon}); npm run build:native` };
  return { install };
}

// Each command task starts mesos-containerizer and mesos-executor on the agent: on the
// 2-core development machine, about 0.5 CPU seconds each, whichever framework launched it.
const PEER_LAUNCH = Number(process.env.BENCH_PEER_LAUNCH || 1000);
// Bench 4c's task lifecycles (offer, launch, RUNNING, FINISHED, acknowledgement), per framework.
const LIFECYCLES = Number(process.env.BENCH_LIFECYCLES || 100000);
// Bench 5's rounds (each on a fresh master and agent, the frameworks' order turned by one).
const PEER_ROUNDS = Number(process.env.BENCH_PEER_ROUNDS || 3);

// BENCH_ONLY=peer,scale runs those benches alone and merges them into the last bench.json.
const ONLY = process.env.BENCH_ONLY ? process.env.BENCH_ONLY.split(',') : null;
const wanted = (key) => !ONLY || ONLY.includes(key);

async function section(results, key, title, run) {
  if (!wanted(key)) return;
  console.log(`\n${title}`);
  results.benches[key] = await run();
  console.table(results.benches[key]);
}

async function main() {
  const quick = process.argv.includes('--quick');
  const results = {
    date: new Date().toISOString(),
    node: process.version,
    // How the Mesos under test was built, as whoever runs the bench states it (e.g.
    // BENCH_MESOS_BUILD='1.12.0, -O2 -g0'): libmesos does not record its compiler flags.
    mesosBuild: process.env.BENCH_MESOS_BUILD || 'not stated (BENCH_MESOS_BUILD)',
    quick,
    // The 1/5/15-minute load averages at the start and the end: other work on the machine
    // distorts wall-clock figures (the per-call CPU columns much less).
    loadAtStart: os.loadavg().map((load) => Math.round(load * 10) / 10),
    benches: {},
  };
  await section(
    results,
    'bridge',
    '1. Bridge: native thread -> JS handler start (one thread, as libmesos)',
    () => benchBridge({ events: quick ? 20000 : 200000 }),
  );

  await section(
    results,
    'metrics',
    '1b. Metrics: cost per event on the JS thread (dispatcher)',
    () =>
      benchMetrics({
        events: quick ? 200000 : 1000000,
        bridgeP50Us: results.benches.bridge?.find(
          (r) => r.payloadBytes === 64 && r.handler === 'sync',
        )?.p50Us,
      }),
  );

  const mesos = mesosHere();
  if ('reason' in mesos) {
    console.log(`\nBenches ${REQUIRES_MESOS}: skipped, ${mesos.reason}.`);
    results.skipped = mesos.reason;
  } else {
    const { buildCppBaseline } = require('./cpp-baseline');
    const { benchReconcile } = require('./reconcile');
    const { benchCalls } = require('./calls');
    const { benchMemory } = require('./memory');
    const { benchPeer } = require('./peer');
    const { benchScale } = require('./scale');
    const { benchMemoryApart } = require('./memory-apart');
    const { benchLifecycles } = require('./lifecycles');
    buildCppBaseline();
    // Each framework (C++ and TypeScript, every bench) gets a fresh in-process cluster:
    // an agent reusing a work directory recovers the last run's state, or exits.
    const env = () => {
      const fresh = benchLocalEnv();
      Object.assign(process.env, fresh);
      return fresh;
    };
    const scaleMax = Number(process.env.BENCH_SCALE_MAX || 100000);
    const scaleSizes = (quick ? [1000, 10000] : [1000, 10000, 100000, 1000000]).filter(
      (n) => n <= scaleMax,
    );
    const sizes = quick ? [1000, 10000] : [...new Set([1000, 10000, 50000, ...scaleSizes])];
    await section(
      results,
      'reconcile',
      '2. Reconcile N unknown tasks on master=local (ms until all N updates)',
      () => benchReconcile(sizes, env),
    );
    await section(results, 'calls', '3. Calls into the driver per second, encoding included', () =>
      benchCalls(quick ? 10000 : 50000, env),
    );
    await section(
      results,
      'memory',
      '4. Memory after status updates, and growth across rounds after GC',
      () => benchMemory(quick ? { first: 10000, perRound: 5000, rounds: 3 } : {}),
    );
    if (!wanted('memoryApart')) {
      // not asked for
    } else if (process.env.BENCH_MEMORY_APART !== '0') {
      console.log('\n4b. Memory after N updates, step by step, and with MALLOC_ARENA_MAX');
      const apart = await benchMemoryApart({ n: quick ? 10000 : 100000 });
      results.benches.memoryApart = apart;
      console.table(apart.summary);
      console.table(apart.steps.default);
    } else {
      console.log('\n4b. skipped (BENCH_MEMORY_APART=0)');
    }
    if (wanted('lifecycles')) {
      const n = quick ? Math.min(5000, LIFECYCLES) : LIFECYCLES;
      console.log(
        `\n4c. Memory across ${n} task lifecycles on one long-lived executor, a separate master` +
          ' and agent (BENCH_LIFECYCLES sets N)',
      );
      const lifecycles = await benchLifecycles({ n });
      results.benches.lifecycles = lifecycles;
      console.table(lifecycles.rows);
    }
    if (wanted('peer')) {
      console.log(
        '\n5. Against the C++ framework (floor) and the v1 HTTP peers, one master and agent' +
          ' (lower is better in the ratio columns)',
      );
      const peer = await benchPeer(
        quick
          ? { reconcile: 10000, launch: 40, rounds: PEER_ROUNDS }
          : { reconcile: 100000, launch: PEER_LAUNCH, rounds: PEER_ROUNDS },
      );
      peer.date = new Date().toISOString();
      peer.launch = quick ? 40 : PEER_LAUNCH;
      console.log(`rounds: ${peer.order.join(' | ')}`);
      peer.loadAtStart = results.loadAtStart;
      results.benches.peer = peer;
      console.table(peer.table);
      peer.notes.forEach((note) => console.log(`note: ${note}`));
    }
    await section(
      results,
      'scale',
      '6. Cost per item as N grows, master=local (flat = linear; BENCH_SCALE_MAX=1000000 adds 1M)',
      () => benchScale(scaleSizes, env, results.benches.reconcile),
    );
  }

  const out = path.join(__dirname, 'results');
  fs.mkdirSync(out, { recursive: true });
  results.loadAtEnd = os.loadavg().map((load) => Math.round(load * 10) / 10);
  console.log(`\nload average at start ${results.loadAtStart}, at end ${results.loadAtEnd}`);
  if (ONLY) results.benches.peer &&= { ...results.benches.peer, loadAtEnd: results.loadAtEnd };
  const file = path.join(out, 'bench.json');
  if (ONLY && fs.existsSync(file)) {
    const last = JSON.parse(fs.readFileSync(file, 'utf8'));
    results.benches = { ...last.benches, ...results.benches };
    results.rerun = { only: ONLY, date: results.date, loadAtStart: results.loadAtStart };
    Object.assign(results, {
      date: last.date,
      node: last.node,
      mesosBuild: last.mesosBuild,
      loadAtStart: last.loadAtStart,
      loadAtEnd: last.loadAtEnd,
    });
  }
  fs.writeFileSync(file, JSON.stringify(results, null, 2) + '\n');
  console.log(`\nwritten ${path.join(out, 'bench.json')}`);
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
