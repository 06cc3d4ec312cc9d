'use strict';
// Bench 5: this library against the C++ framework (the floor) and the pure-HTTP peers of
// the v1 API, side by side on one separately started master and agent: mesos-framework
// (npm, a devDependency used only here) and bench/peer/http-scheduler.js, a minimal v1
// scheduler on Node's own http. Each framework runs in a process of its own doing the same
// work (bench/peer/work.js; driver_bench's `peer` mode for C++), one after the other.
const { spawnSync } = require('child_process');
const path = require('path');
const { startLocalCluster } = require('../lib/cluster');
const { round } = require('./stats');
const { runCppBaseline } = require('./cpp-baseline');

const JS_FRAMEWORKS = ['mesos-napi', 'mesos-framework', 'node-http'];

// Launching is bound by the agent starting each task's executor (about 1 task/s on the
// 2-core development machine, whichever framework launched it): time enough for that.
const timeoutMs = (launch) => (10 * 60 + 3 * launch) * 1000;

function runWorker(name, master, reconcile, launch, taskSeconds) {
  const result = spawnSync(
    process.execPath,
    [path.join(__dirname, 'peer', 'worker.js'), name, master, reconcile, launch, taskSeconds].map(
      String,
    ),
    {
      encoding: 'utf8',
      env: { ...process.env, GLOG_minloglevel: '3' },
      timeout: timeoutMs(launch),
      maxBuffer: 64 * 1024 * 1024,
    },
  );
  const line = (result.stdout || '').split('\n').find((l) => l.startsWith('{"framework"'));
  if (!line) {
    const how =
      result.error?.code === 'ETIMEDOUT'
        ? `timed out after ${timeoutMs(launch) / 60000} min`
        : `exit ${result.status ?? result.signal}`;
    return { framework: name, failed: `${how}: ${(result.stderr || '').slice(-800)}` };
  }
  return JSON.parse(line);
}

function runCpp(master, reconcile, launch, taskSeconds) {
  try {
    const rows = runCppBaseline(
      ['peer', reconcile, launch, taskSeconds],
      {},
      master,
      timeoutMs(launch),
    );
    const r = rows.find((row) => row.bench === 'reconcile');
    const l = rows.find((row) => row.bench === 'launch');
    return {
      framework: 'c++',
      reconcile: { tasks: r.tasks, answered: r.tasks, complete: true, ms: r.ms, cpuMs: r.cpuMs },
      launch: { ...l, finished: l.tasks, complete: true },
      rssKb: l.rssKb,
      errors: [],
    };
  } catch (error) {
    return { framework: 'c++', failed: error.message };
  }
}

// One cell: the figure, or why there is none.
function cell(result, pick) {
  if (result.failed) return `failed: ${result.failed.split('\n')[0].slice(0, 120)}`;
  const value = pick(result);
  return value === null || value === undefined ? '—' : value;
}

function rows(results, reconcile, launch, taskSeconds) {
  const lines = [
    [
      `reconcile ${reconcile} unknown tasks, ms until all answered`,
      (r) =>
        r.reconcile.complete
          ? round(r.reconcile.ms, 0)
          : `incomplete: ${r.reconcile.answered} of ${reconcile} answered`,
      (r) => r.reconcile.complete && r.reconcile.ms,
    ],
    [
      `launch ${launch} ${taskSeconds}-s command tasks, first launch to last TASK_FINISHED, tasks/s`,
      (r) =>
        r.launch.complete
          ? round(launch / (r.launch.ms / 1000), 1)
          : `incomplete: ${r.launch.finished} of ${launch} finished`,
      (r) => r.launch.complete && r.launch.ms,
    ],
    [
      'TASK_RUNNING timestamp to handler, p50 ms',
      (r) => (r.launch.runningUpdates ? round(r.launch.runningP50Ms, 1) : null),
      (r) => r.launch.runningUpdates && r.launch.runningP50Ms,
    ],
    [
      'same, p99 ms',
      (r) => (r.launch.runningUpdates ? round(r.launch.runningP99Ms, 1) : null),
      (r) => r.launch.runningUpdates && r.launch.runningP99Ms,
    ],
    [
      'CPU s of the framework process per 10k updates (reconciliation)',
      (r) =>
        r.reconcile.complete ? round(r.reconcile.cpuMs / 1000 / (reconcile / 10000), 3) : null,
      (r) => r.reconcile.complete && r.reconcile.cpuMs,
    ],
    [
      'RSS of the framework process at the end, MB',
      (r) => round(r.rssKb / 1024, 1),
      (r) => r.rssKb,
    ],
  ];
  const byName = Object.fromEntries(results.map((r) => [r.framework, r]));
  return lines.map(([what, show, cost]) => {
    const napi = byName['mesos-napi'];
    const costOf = (r) => (r && !r.failed ? cost(r) || null : null);
    const ours = costOf(napi);
    const floor = costOf(byName['c++']);
    const peers = ['mesos-framework', 'node-http'].map((n) => costOf(byName[n])).filter(Boolean);
    return {
      what,
      'mesos-napi': cell(napi, show),
      'c++ (floor)': cell(byName['c++'], show),
      'mesos-framework': cell(byName['mesos-framework'], show),
      'node http (fallback)': cell(byName['node-http'], show),
      // cost ratios: lower is better (time, latency, CPU, memory)
      'napi/c++': ours && floor ? round(ours / floor, 2) : null,
      'napi/best peer': ours && peers.length ? round(ours / Math.min(...peers), 2) : null,
    };
  });
}

async function benchPeer({ reconcile = 100000, launch = 1000, taskSeconds = 1 } = {}) {
  // --allocation_interval=100ms: resources of finished tasks come back in offers sooner,
  // so launching is bound less by the allocator's batching (the same for every framework).
  const cluster = await startLocalCluster({ masterFlags: ['--allocation_interval=100ms'] });
  const results = [];
  try {
    results.push(runCpp(cluster.master, reconcile, launch, taskSeconds));
    for (const name of JS_FRAMEWORKS)
      results.push(runWorker(name, cluster.master, reconcile, launch, taskSeconds));
  } finally {
    await cluster.stop();
  }
  const notes = results
    .filter((r) => r.failed || (r.errors && r.errors.length))
    .map((r) => `${r.framework}: ${r.failed ?? r.errors.join(' | ')}`);
  return { table: rows(results, reconcile, launch, taskSeconds), notes, raw: results };
}

module.exports = { benchPeer };

if (require.main === module) {
  const [reconcile, launch, taskSeconds] = process.argv.slice(2).map(Number);
  benchPeer({ reconcile, launch, taskSeconds }).then(({ table, notes, raw }) => {
    console.table(table);
    notes.forEach((note) => console.log(`note: ${note}`));
    if (process.env.BENCH_RAW) console.log(JSON.stringify(raw, null, 1));
  });
}
