'use strict';
// Prints docs/benchmarks.md's tables (markdown) from bench/results/bench.json, so the
// guide shows one run's figures as measured: node bench/readme-table.js
const fs = require('fs');
const path = require('path');

const results = JSON.parse(fs.readFileSync(path.join(__dirname, 'results', 'bench.json'), 'utf8'));
const b = results.benches;
const k = (n) => (n >= 1000 ? `${Math.round(n / 100) / 10}k` : String(n));
const out = [];
const row = (cells) => out.push(`| ${cells.join(' | ')} |`);

out.push(
  `Run of ${results.date} (Node ${results.node}${results.quick ? ', --quick' : ''}; ` +
    `Mesos ${results.mesosBuild ?? 'build not stated'}; ` +
    `load average ${results.loadAtStart?.join(' / ')} at the start, ` +
    `${results.loadAtEnd?.join(' / ')} at the end).`,
  '',
);
row(['bench', 'mesos-napi', 'C++ (floor)', 'mesos-framework', 'node http (fallback)', 'napi/C++']);
row(['---', '---', '---', '---', '---', '---']);
for (const r of b.bridge || []) {
  if (!r.threadWaits) continue;
  row([
    `1. bridge, ${r.payloadBytes} B, ${r.handler} handler, thread waits`,
    `p50 ${r.p50Us} µs, ${k(r.eventsPerSec)} ev/s`,
    `p50 ${r.cppP50Us} µs, ${k(r.cppEventsPerSec)} ev/s`,
    '—',
    '—',
    `${r.rateVsCpp} (rate)`,
  ]);
}
for (const r of b.metrics || []) {
  row([
    `1b. metrics, cost per event on the JS thread (${r.handler} handler), ns`,
    `${r.costNsPerEvent} (${r.offNsPerEvent} → ${r.onNsPerEvent})`,
    '—',
    '—',
    '—',
    r.percentOfBridgeP50 === null ? '—' : `${r.percentOfBridgeP50} % of bench 1 p50`,
  ]);
}
for (const r of b.reconcile || []) {
  row([
    `2. reconcile ${k(r.tasks)} unknown tasks, master=local, ms`,
    r.typescriptMs,
    r.cppMs,
    '—',
    '—',
    r.ratio,
  ]);
}
for (const r of b.calls || []) {
  row([
    `3. \`${r.call}\` ×${k(r.count)}, calls/s${r.typescriptAnsweredMs ? '; ms until all answered' : ''}`,
    `${k(r.typescriptPerSec)}/s${r.typescriptAnsweredMs ? `; ${r.typescriptAnsweredMs}` : ''}`,
    `${k(r.cppPerSec)}/s${r.cppAnsweredMs ? `; ${r.cppAnsweredMs}` : ''}`,
    '—',
    '—',
    `${r.ratio}${r.answeredRatio ? `; ${r.answeredRatio}` : ''}`,
  ]);
  if (r.cppCpuUsPerCall) {
    row([
      `3. \`${r.call}\`, CPU of the calling thread per call, µs`,
      r.typescriptCpuUsPerCall,
      r.cppCpuUsPerCall,
      '—',
      '—',
      Math.round((r.typescriptCpuUsPerCall / r.cppCpuUsPerCall) * 100) / 100,
    ]);
  }
}
if (b.memory) {
  const [ts, cpp] = b.memory;
  const keys = Object.keys(ts);
  row([
    `4. RSS after ${keys[1].replace(/\D/g, '')} updates (separate master), MB`,
    `${ts[keys[1]]} (heap ${ts.heapAfterMb})`,
    cpp[keys[1]],
    '—',
    '—',
    Math.round((ts[keys[1]] / cpp[keys[1]]) * 100) / 100,
  ]);
  row([
    `4. RSS growth over ${keys[3]
      .replace('rssGrowthOver', '')
      .replace('Mb', '')
      .replace(/(\d+)RoundsOf(\d+)000$/, '$1 rounds of $2k updates')}, after GC, MB`,
    `${ts[keys[3]]} (heap ${ts.heapGrowthMb})`,
    cpp[keys[3]],
    '—',
    '—',
    '—',
  ]);
}
if (b.memoryApart) {
  for (const r of b.memoryApart.summary) {
    row([
      `4b. RSS after the updates, ${r.malloc} (malloc arenas: ${r.mallocArenas}), MB`,
      r.typescriptRssMb,
      r.cppRssMb,
      '—',
      '—',
      Math.round((r.typescriptRssMb / r.cppRssMb) * 100) / 100,
    ]);
  }
}
if (b.lifecycles) {
  const by = Object.fromEntries(b.lifecycles.rows.map((r) => [r.framework, r]));
  const cell = (r, show) =>
    !r ? '—' : r.failed ? `failed: ${r.failed.split('\n')[0].slice(0, 100)}` : show(r);
  const signed = (mb) => (mb === null ? '?' : `${mb >= 0 ? '+' : ''}${mb}`);
  const ratio = (a, b) => (a && b ? Math.round((a / b) * 100) / 100 : '—');
  const [ts, cpp] = [by.typescript, by['c++']];
  const ok = ts && cpp && !ts.failed && !cpp.failed;
  row([
    `4c. ${k(b.lifecycles.n)} task lifecycles on one executor (separate master and agent), lifecycles/s`,
    cell(ts, (r) => r.perSec),
    cell(cpp, (r) => r.perSec),
    '—',
    '—',
    ok ? `${ratio(ts.perSec, cpp.perSec)} (rate)` : '—',
  ]);
  row([
    '4c. RSS after the first 10 % of the lifecycles → at the end, growth per 10k after that, MB',
    cell(
      ts,
      (r) =>
        `${r.rssWarmMb} → ${r.rssEndMb}, ${signed(r.rssPer10kMb)}/10k ` +
        `(heap ${r.heapWarmMb} → ${r.heapEndMb}, ${signed(r.heapPer10kMb)}/10k)`,
    ),
    cell(cpp, (r) => `${r.rssWarmMb} → ${r.rssEndMb}, ${signed(r.rssPer10kMb)}/10k`),
    '—',
    '—',
    ok ? ratio(ts.rssEndMb, cpp.rssEndMb) : '—',
  ]);
  row([
    "4c. the executor's RSS (this package's, under each framework), at registration → at the end, growth per 10k after the first 10 %, MB",
    cell(
      ts,
      (r) =>
        `${r.executorRssStartMb} → ${r.executorRssEndMb}, ${signed(r.executorRssPer10kMb)}/10k`,
    ),
    cell(
      cpp,
      (r) =>
        `${r.executorRssStartMb} → ${r.executorRssEndMb}, ${signed(r.executorRssPer10kMb)}/10k`,
    ),
    '—',
    '—',
    '—',
  ]);
}
if (b.peer) {
  out.push(
    '',
    `Bench 5, median of ${b.peer.rounds ?? 1} rounds (spread), each framework against the same master and agent per round:`,
    '',
  );
  const columns = Object.keys(b.peer.table[0]).filter((key) => key !== 'what');
  row(['bench 5', ...columns]);
  row(['---', ...columns.map(() => '---')]);
  for (const r of b.peer.table) row([r.what, ...columns.map((key) => r[key] ?? '—')]);
}
if (b.scale) {
  out.push('', 'Cost per item as N grows (bench 6; flat is linear):', '');
  const keys = Object.keys(b.scale[0]).filter((key) => key.startsWith('µs/item'));
  row(['bench 6', 'impl', ...keys, 'linear']);
  row(['---', '---', ...keys.map(() => '---'), '---']);
  for (const r of b.scale) row([r.bench, r.impl, ...keys.map((key) => r[key]), r.linear]);
}
if (b.peer && b.peer.notes.length) {
  out.push('', ...b.peer.notes.map((note) => `- bench 5 note: ${note}`));
}
console.log(out.join('\n'));
