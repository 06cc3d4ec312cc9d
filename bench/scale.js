'use strict';
// Bench 6: how cost grows with N, TypeScript and C++ on master=local: reconcile N unknown
// tasks (until all answered; bench 2's figures when it ran these sizes) and N launchTasks
// calls (the calls, and until all answered),
// at N = 1k, 10k, 100k (1M with BENCH_SCALE_MAX=1000000). Cost grows linearly when the
// cost per item stays flat; a row says where it grew by more than half from the size
// before.
const { round } = require('./stats');
const { benchReconcile } = require('./reconcile');
const { benchCalls } = require('./calls');

const GROWTH_FLAG = 1.5;

function curveRows(bench, sizes, costs) {
  const rows = [];
  for (const [impl, perItemUs] of Object.entries(costs)) {
    const row = { bench, impl };
    sizes.forEach((n, i) => {
      row[`µs/item @${n >= 1e6 ? n / 1e6 + 'M' : n / 1e3 + 'k'}`] = round(perItemUs[i], 2);
    });
    const jumps = [];
    for (let i = 1; i < sizes.length; i++) {
      const growth = perItemUs[i] / perItemUs[i - 1];
      if (growth > GROWTH_FLAG) jumps.push(`${sizes[i - 1]}→${sizes[i]}: ×${round(growth, 2)}`);
    }
    row.linear = jumps.length === 0 ? 'yes' : `no (${jumps.join(', ')})`;
    rows.push(row);
  }
  return rows;
}

/** reconciled: bench 2's rows when they cover these sizes (not measured again). */
async function benchScale(sizes, env, reconciled = []) {
  const covered = sizes.every((n) => reconciled.some((row) => row.tasks === n));
  const reconcile = covered
    ? sizes.map((n) => reconciled.find((row) => row.tasks === n))
    : await benchReconcile(sizes, env);
  const calls = [];
  for (const n of sizes) {
    const rows = await benchCalls(n, env, ['launchTasks']);
    calls.push(rows.find((row) => row.call === 'launchTasks'));
  }
  const perItem = (ms, i) => (ms * 1000) / sizes[i];
  return [
    ...curveRows('reconcile N, until all answered', sizes, {
      typescript: reconcile.map((r, i) => perItem(r.typescriptMs, i)),
      'c++': reconcile.map((r, i) => perItem(r.cppMs, i)),
    }),
    ...curveRows('launchTasks ×N, the calls', sizes, {
      typescript: calls.map((r) => 1e6 / r.typescriptPerSec),
      'c++': calls.map((r) => 1e6 / r.cppPerSec),
    }),
    ...curveRows('launchTasks ×N, until all answered', sizes, {
      typescript: calls.map((r, i) => perItem(r.typescriptAnsweredMs, i)),
      'c++': calls.map((r, i) => perItem(r.cppAnsweredMs, i)),
    }),
  ];
}

module.exports = { benchScale };
