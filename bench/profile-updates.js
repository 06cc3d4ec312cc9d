'use strict';
// Where a framework process's CPU goes while it reconciles N unknown tasks (bench 5's CPU
// per update row): `perf record -e cpu-clock` (no hardware counters needed) of each
// framework's whole process against one separately started master and agent.
// usage: node bench/profile-updates.js [N (default 100000)] [framework ...]
// Frameworks: bench 5's names (c++, mesos-napi, mesos-napi-v1, mesos-napi-v0,
// mesos-framework, node-http); default all but V0Mesos. Prints, per framework, the CPU
// seconds per 10k updates the process reported and the share of the samples in each part
// (bench/profile-parts.js), and writes the profiles to bench/results/profiles/.
const fs = require('fs');
const path = require('path');
const { startLocalCluster } = require('../lib/cluster');
const { jitNames, perfRecord, samples, byPart, printParts } = require('./perf-report');

const OUT = path.join(__dirname, 'results', 'profiles');
const DRIVER_BENCH = path.join(__dirname, '..', 'build', 'driver_bench');

function command(name, master, n) {
  if (name === 'c++') return [DRIVER_BENCH, master, 'peer', n, 0, 1].map(String);
  const worker = path.join(__dirname, 'peer', 'worker.js');
  return [
    process.execPath,
    ...jitNames(path.join(OUT, 'v8.log')),
    worker,
    name,
    master,
    n,
    0,
    1,
  ].map(String);
}

function reconcileOf(name, stdout) {
  const results = stdout
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line));
  if (name === 'c++') return results.find((r) => r.bench === 'reconcile');
  return results.find((r) => r.framework === name)?.reconcile;
}

async function main() {
  const [nArg, ...names] = process.argv.slice(2);
  const n = Number(nArg || 100000);
  const frameworks = names.length
    ? names
    : ['c++', 'mesos-napi', 'mesos-napi-v1', 'mesos-framework', 'node-http'];
  fs.mkdirSync(OUT, { recursive: true });
  const cluster = await startLocalCluster({ masterFlags: ['--allocation_interval=100ms'] });
  const results = {};
  try {
    for (const name of frameworks) {
      const data = path.join(OUT, `${name}.perf.data`);
      const stdout = perfRecord(data, command(name, cluster.master, n));
      const reconcile = reconcileOf(name, stdout);
      if (!reconcile) throw new Error(`${name}: no reconciliation result in ${stdout.slice(-600)}`);
      const incomplete =
        reconcile.complete === false ? ` (incomplete: ${reconcile.answered} answered)` : '';
      const split = byPart(samples(data));
      const cpuPer10k = reconcile.cpuMs / 1000 / (n / 10000);
      results[name] = { cpuPer10k, reconcileMs: reconcile.ms, ...split };
      console.log(
        `${name}: ${cpuPer10k.toFixed(3)} CPU s per 10k updates (reconcile ${n} in ${Math.round(reconcile.ms)} ms${incomplete}), ${split.total} samples`,
      );
      printParts(split);
    }
  } finally {
    await cluster.stop();
  }
  fs.writeFileSync(path.join(OUT, 'profile-updates.json'), JSON.stringify(results, null, 1));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
