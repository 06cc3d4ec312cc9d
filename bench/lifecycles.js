'use strict';
// Bench 4c: memory of a long-running framework across N task lifecycles (offer, launch,
// TASK_RUNNING, TASK_FINISHED, each update acknowledged) on a real master and agent, every
// task on one long-lived executor of this package (lifecycles/executor.js), so a lifecycle
// starts no process. The TypeScript framework (lifecycles/scheduler.js) and the C++ one
// (driver_bench lifecycles) each run in a fresh process, on a master and agent of their own,
// launching the same TaskInfo (lifecycles/task.js); each samples its RSS (and the V8 heap)
// after GC at registration and every N/20 lifecycles, and asks the executor for its own.
const { spawnSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { startLocalCluster } = require('../lib/cluster');
const { round } = require('./stats');
const { runCppBaseline } = require('./cpp-baseline');
const { checkpoint, writeTaskTemplate } = require('./lifecycles/task');

const MB = 1024 * 1024;
const mb = (bytes) => (bytes === undefined ? null : round(bytes / MB, 1));
// Resources of finished tasks come back in offers within 100 ms (as in bench 5); master and
// agent log warnings and errors only (at INFO each logs lines per task, about 3 kB per lifecycle).
const MASTER_FLAGS = ['--allocation_interval=100ms', '--logging_level=WARNING'];
const AGENT_FLAGS = ['--logging_level=WARNING'];
// libmesos in each framework process, the same way.
const FRAMEWORK_ENV = { MESOS_LOGGING_LEVEL: 'WARNING' };
// Warm-up: the first tenth of the lifecycles (the second of the twenty samples).
const WARM_SAMPLE = 2;

const timeoutMs = (n) => (10 * 60 + n * 0.02) * 1000;

function runTypescript(master, n, files) {
  const result = spawnSync(
    process.execPath,
    [
      '--expose-gc',
      path.join(__dirname, 'lifecycles', 'scheduler.js'),
      master,
      String(n),
      files.json,
    ],
    {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
      env: { ...process.env, ...FRAMEWORK_ENV },
      timeout: timeoutMs(n),
      maxBuffer: 64 * MB,
    },
  );
  const line = (result.stdout || '').split('\n').find((l) => l.startsWith('{'));
  if (!line) {
    const how =
      result.error?.code === 'ETIMEDOUT'
        ? `timed out after ${timeoutMs(n) / 60000} min`
        : `exit ${result.status ?? result.signal}`;
    throw new Error(`the TypeScript framework failed (${how}; its stderr is above)`);
  }
  return JSON.parse(line);
}

function runCpp(master, n, files) {
  const lines = runCppBaseline(
    ['lifecycles', n, files.bytes],
    FRAMEWORK_ENV,
    master,
    timeoutMs(n),
    'inherit',
  );
  const end = lines.find((l) => l.bench === 'lifecycles-end');
  return {
    impl: 'c++',
    n,
    samples: lines
      .filter((l) => l.bench === 'lifecycles')
      .map((l) => ({ finished: l.finished, ms: l.ms, rss: l.rssKb * 1024 })),
    executorSamples: lines
      .filter((l) => l.bench === 'lifecycles-executor')
      .map((l) => ({ finished: l.finished, ...l.memory })),
    otherEnds: end.otherEnds,
  };
}

/** Least-squares slope of y over finished tasks, per 10k lifecycles, in MB. */
function per10k(points, y) {
  if (points.length < 2) return null;
  const mx = points.reduce((s, p) => s + p.finished, 0) / points.length;
  const my = points.reduce((s, p) => s + y(p), 0) / points.length;
  let sxy = 0;
  let sxx = 0;
  for (const p of points) {
    sxy += (p.finished - mx) * (y(p) - my);
    sxx += (p.finished - mx) ** 2;
  }
  return round(((sxy / sxx) * 10000) / MB, 2);
}

function summarize(run) {
  const { n, samples } = run;
  const warmAt = checkpoint(n, WARM_SAMPLE);
  const warm = samples.find((s) => s.finished === warmAt);
  const end = samples[samples.length - 1];
  const after = samples.filter((s) => s.finished >= warmAt);
  const executor = [...run.executorSamples].sort((a, b) => a.finished - b.finished);
  const executorAfter = executor.filter((s) => s.finished >= warmAt);
  const executorEnd = executor[executor.length - 1];
  const hasHeap = end.heapUsed !== undefined;
  return {
    framework: run.impl,
    lifecycles: n,
    perSec: round(end.finished / (end.ms / 1000), 0),
    rssStartMb: mb(samples[0].rss),
    rssWarmMb: mb(warm.rss),
    rssEndMb: mb(end.rss),
    rssPer10kMb: per10k(after, (s) => s.rss),
    heapWarmMb: hasHeap ? mb(warm.heapUsed) : null,
    heapEndMb: hasHeap ? mb(end.heapUsed) : null,
    heapPer10kMb: hasHeap ? per10k(after, (s) => s.heapUsed) : null,
    executorRssStartMb: executorEnd ? mb(executorEnd.registered.rss) : null,
    executorRssEndMb: executorEnd ? mb(executorEnd.now.rss) : null,
    executorRssPer10kMb: per10k(executorAfter, (s) => s.now.rss),
    executorHeapEndMb: executorEnd ? mb(executorEnd.now.heapUsed) : null,
    otherEnds: run.otherEnds,
    // The executor's last answer, if not at N (framework messages are best effort).
    ...(executorEnd && executorEnd.finished !== n ? { executorLastAt: executorEnd.finished } : {}),
  };
}

async function onFreshCluster(run) {
  const cluster = await startLocalCluster({ masterFlags: MASTER_FLAGS, agentFlags: AGENT_FLAGS });
  try {
    return await run(cluster.master);
  } finally {
    await cluster.stop();
  }
}

async function benchLifecycles({ n = 100000 } = {}) {
  if (n < 20) throw new Error(`BENCH_LIFECYCLES=${n}: at least 20 (a sample every N/20)`);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mesos-napi-bench-lifecycles-'));
  try {
    const files = writeTaskTemplate(dir);
    const runs = {};
    const rows = [];
    for (const [impl, run] of [
      ['typescript', runTypescript],
      ['c++', runCpp],
    ]) {
      try {
        runs[impl] = await onFreshCluster((master) => run(master, n, files));
        rows.push(summarize(runs[impl]));
      } catch (error) {
        rows.push({ framework: impl, lifecycles: n, failed: error.message.slice(0, 2000) });
      }
    }
    return { n, rows, runs };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

module.exports = { benchLifecycles };
