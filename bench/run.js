'use strict';
// npm run bench: every benchmark that can run here, as tables, and bench/results/bench.json.
const fs = require('fs');
const path = require('path');
const { benchBridge } = require('./bridge');

async function main() {
  const results = { date: new Date().toISOString(), node: process.version, benches: {} };
  console.log('1. Bridge: native thread -> JS handler start (one delivering thread, as libmesos)');
  results.benches.bridge = await benchBridge();
  console.table(results.benches.bridge);

  const out = path.join(__dirname, 'results');
  fs.mkdirSync(out, { recursive: true });
  fs.writeFileSync(path.join(out, 'bench.json'), JSON.stringify(results, null, 2) + '\n');
  console.log(`written ${path.join(out, 'bench.json')}`);
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
