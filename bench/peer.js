'use strict';
// Bench 5: this library against the C++ framework (the floor) and the pure-HTTP peers of
// the v1 API: mesos-framework (npm, a devDependency used only here) and
// bench/peer/http-scheduler.js, a minimal v1 scheduler on Node's own http; and this
// library's three routes (the classic driver, V1Mesos, V0Mesos). Each framework runs in a
// process of its own doing the same work (bench/peer/work.js; driver_bench's `peer` mode for
// C++), one after the other on a master and agent started afresh for each round; the order
// turns by one each round, and every cell is the median of the rounds with their spread.
const { spawnSync } = require('child_process');
const path = require('path');
const { startLocalCluster } = require('../lib/cluster');
const { round } = require('./stats');
const { runCppBaseline } = require('./cpp-baseline');

// Columns, in the order of round 1; each later round starts one further along (ABCD, BCDA, ...).
const FRAMEWORKS = [
  ['c++', 'c++ (floor)'],
  ['mesos-napi', 'mesos-napi'],
  ['mesos-napi-v1', 'mesos-napi V1Mesos'],
  ['mesos-napi-v0', 'mesos-napi V0Mesos'],
  ['mesos-framework', 'mesos-framework'],
  ['node-http', 'node http (fallback)'],
];
const PEERS = ['mesos-framework', 'node-http'];

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

// What each row measures: the figure shown (or null), and whether lower is better.
function measures(reconcile, launch, taskSeconds) {
  return [
    {
      what: `reconcile ${reconcile} unknown tasks, ms until all answered`,
      value: (r) => (r.reconcile.complete ? r.reconcile.ms : null),
      incomplete: (r) =>
        !r.reconcile.complete && `incomplete: ${r.reconcile.answered} of ${reconcile} answered`,
      digits: 0,
      lowerIsBetter: true,
    },
    {
      what: `launch ${launch} ${taskSeconds}-s command tasks, first launch to last TASK_FINISHED, tasks/s`,
      value: (r) => (r.launch.complete ? launch / (r.launch.ms / 1000) : null),
      incomplete: (r) =>
        !r.launch.complete && `incomplete: ${r.launch.finished} of ${launch} finished`,
      digits: 1,
      lowerIsBetter: false,
    },
    {
      what: 'TASK_RUNNING timestamp to handler, p50 ms',
      value: (r) => (r.launch.runningUpdates ? r.launch.runningP50Ms : null),
      digits: 1,
      lowerIsBetter: true,
    },
    {
      what: 'same, p99 ms',
      value: (r) => (r.launch.runningUpdates ? r.launch.runningP99Ms : null),
      digits: 1,
      lowerIsBetter: true,
    },
    {
      what: 'CPU s of the framework process per 10k updates (reconciliation)',
      value: (r) => (r.reconcile.complete ? r.reconcile.cpuMs / 1000 / (reconcile / 10000) : null),
      digits: 3,
      lowerIsBetter: true,
    },
    {
      what: 'RSS of the framework process at the end, MB',
      value: (r) => r.rssKb / 1024,
      digits: 1,
      lowerIsBetter: true,
    },
  ];
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

// One framework's cell of a row over the rounds: the median and the spread (min–max), or why
// there is none; and the median alone, for the ratios.
function cell(runs, measure) {
  const values = [];
  const problems = [];
  for (const run of runs) {
    if (run.failed) problems.push(`failed: ${run.failed.split('\n')[0].slice(0, 120)}`);
    else if (measure.incomplete?.(run)) problems.push(measure.incomplete(run));
    else {
      const value = measure.value(run);
      if (value !== null && value !== undefined) values.push(value);
    }
  }
  if (values.length === 0) return { text: problems[0] ?? '—', median: null };
  const mid = median(values);
  const spread =
    values.length > 1
      ? ` (${round(Math.min(...values), measure.digits)}–${round(Math.max(...values), measure.digits)})`
      : '';
  const missing = problems.length
    ? ` [${problems.length} of ${runs.length} runs: ${problems[0]}]`
    : '';
  return { text: `${round(mid, measure.digits)}${spread}${missing}`, median: mid };
}

// Cost ratio (lower is better) of a against b, on medians.
function ratio(a, b, measure) {
  if (!a || !b) return null;
  return round(measure.lowerIsBetter ? a / b : b / a, 2);
}

function rows(runsByFramework, reconcile, launch, taskSeconds) {
  return measures(reconcile, launch, taskSeconds).map((measure) => {
    const cells = Object.fromEntries(
      FRAMEWORKS.map(([name]) => [name, cell(runsByFramework[name] ?? [], measure)]),
    );
    const bestPeer = PEERS.map((name) => cells[name].median)
      .filter((value) => value !== null)
      .sort((a, b) => (measure.lowerIsBetter ? a - b : b - a))[0];
    const row = { what: measure.what };
    for (const [name, title] of FRAMEWORKS) row[title] = cells[name].text;
    // cost ratios of the medians: lower is better (time, latency, CPU, memory; 1/rate)
    row['napi/c++'] = ratio(cells['mesos-napi'].median, cells['c++'].median, measure);
    row['napi/best peer'] = ratio(cells['mesos-napi'].median, bestPeer, measure);
    row['V1Mesos/best peer'] = ratio(cells['mesos-napi-v1'].median, bestPeer, measure);
    return row;
  });
}

async function benchPeer({ reconcile = 100000, launch = 1000, taskSeconds = 1, rounds = 3 } = {}) {
  const runsByFramework = {};
  const order = [];
  for (let n = 0; n < rounds; n++) {
    const turn = FRAMEWORKS.map((_, i) => FRAMEWORKS[(i + n) % FRAMEWORKS.length][0]);
    order.push(turn.join(' '));
    // --allocation_interval=100ms: resources of finished tasks come back in offers sooner,
    // so launching is bound less by the allocator's batching (the same for every framework).
    const cluster = await startLocalCluster({ masterFlags: ['--allocation_interval=100ms'] });
    try {
      for (const name of turn) {
        const run =
          name === 'c++'
            ? runCpp(cluster.master, reconcile, launch, taskSeconds)
            : runWorker(name, cluster.master, reconcile, launch, taskSeconds);
        (runsByFramework[name] ??= []).push(run);
      }
    } finally {
      await cluster.stop();
    }
  }
  const notes = Object.values(runsByFramework)
    .flat()
    .filter((r) => r.failed || (r.errors && r.errors.length))
    .map((r) => `${r.framework}: ${r.failed ?? r.errors.join(' | ')}`);
  return {
    table: rows(runsByFramework, reconcile, launch, taskSeconds),
    rounds,
    order,
    notes,
    raw: runsByFramework,
  };
}

module.exports = { benchPeer };

if (require.main === module) {
  const [reconcile, launch, taskSeconds, rounds] = process.argv.slice(2).map(Number);
  benchPeer({ reconcile, launch, taskSeconds, rounds: rounds || undefined }).then(
    ({ table, notes, raw }) => {
      console.table(table);
      notes.forEach((note) => console.log(`note: ${note}`));
      if (process.env.BENCH_RAW) console.log(JSON.stringify(raw, null, 1));
    },
  );
}
