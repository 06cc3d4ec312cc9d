'use strict';
// Reading `perf record` profiles: samples per (DSO, symbol), optionally of one thread, and
// their shares by part of the process (bench/profile-parts.js).
const { spawnSync } = require('child_process');
const { partOf, PARTS } = require('./profile-parts');

// Node flags naming JIT-compiled functions for perf (/tmp/perf-<pid>.map); V8's own log,
// which the flag turns on, goes to `log` (by default into the working directory).
const jitNames = (log) => ['--perf-basic-prof', `--logfile=${log}`, '--no-logfile-per-isolate'];

/** `perf record -e cpu-clock -F hz -o data -- command...`, then the command's stdout. */
function perfRecord(data, command, { hz = 2000, env = {}, timeoutMs = 10 * 60 * 1000 } = {}) {
  const run = spawnSync(
    'perf',
    ['record', '-e', 'cpu-clock', '-F', String(hz), '-o', data, '--', ...command],
    {
      encoding: 'utf8',
      env: { ...process.env, GLOG_minloglevel: '3', ...env },
      timeout: timeoutMs,
      maxBuffer: 64 * 1024 * 1024,
    },
  );
  if (run.error?.code === 'ENOENT') {
    throw new Error('perf was not found on PATH (Debian: apt install linux-perf)');
  }
  if (run.status !== 0) {
    throw new Error(
      `${command.join(' ')}: exit ${run.status ?? run.signal}: ${(run.stderr || '').slice(-600)}`,
    );
  }
  return run.stdout;
}

/** Samples per (dso, symbol) in a profile; of thread `tid` alone when given. */
function samples(data, tid) {
  const report = spawnSync(
    'perf',
    [
      'report',
      '-i',
      data,
      ...(tid ? ['--tid', String(tid)] : []),
      '--stdio',
      '--no-children',
      '--sort',
      'dso,sym',
      '-t',
      '|',
      '-F',
      'sample,dso,sym',
    ],
    { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 },
  );
  const rows = [];
  for (const line of report.stdout.split('\n')) {
    const match = /^\s*(\d+)\s*\|(.*?)\s*\|\[.\] (.*)$/.exec(line);
    if (match) rows.push({ count: Number(match[1]), dso: match[2], symbol: match[3].trim() });
  }
  return rows;
}

/** The share (%) of the samples in each part, and each part's heaviest symbols. */
function byPart(rows, heaviestPerPart = 3) {
  const total = rows.reduce((sum, row) => sum + row.count, 0);
  const counts = Object.fromEntries(PARTS.map((part) => [part, 0]));
  const members = {};
  for (const row of rows) {
    const part = partOf(row.dso, row.symbol);
    counts[part] += row.count;
    (members[part] ??= []).push(row);
  }
  const percent = (count) => (100 * count) / Math.max(1, total);
  const parts = PARTS.map((part) => ({
    part,
    percent: percent(counts[part]),
    heaviest: (members[part] ?? [])
      .sort((a, b) => b.count - a.count)
      .slice(0, heaviestPerPart)
      .map((row) => `${row.symbol.slice(0, 70)} ${percent(row.count).toFixed(1)}%`),
  }));
  return { total, parts };
}

/** Prints the parts holding at least half a percent of the samples. */
function printParts({ parts }, indent = '  ') {
  for (const { part, percent, heaviest } of parts) {
    if (percent < 0.5) continue;
    console.log(
      `${indent}${part.padEnd(32)} ${percent.toFixed(1).padStart(5)} %  ${heaviest.join('; ')}`,
    );
  }
}

/**
 * A profile script's entry: with `--loop N` it is the profiled child and runs loop(N);
 * else it runs main(), which records that child.
 */
function profiledScript(loop, main) {
  if (process.argv[2] !== '--loop') return main();
  return loop(Number(process.argv[3])).catch((error) => {
    console.error(error);
    process.exit(1);
  });
}

module.exports = { profiledScript, jitNames, perfRecord, samples, byPart, printParts };
