'use strict';
// usage: node bench/peer/worker.js <framework> <master> <reconcile> <launch> <taskSeconds>
// Runs bench/peer/work.js with one framework of bench/peer/frameworks.js and prints the
// result as one JSON line.
const { FRAMEWORKS } = require('./frameworks');
const { runWork } = require('./work');

async function main() {
  const [name, master, reconcile, launch, taskSeconds] = process.argv.slice(2);
  const start = FRAMEWORKS[name];
  if (!start) throw new Error(`unknown framework ${name}`);
  const result = await runWork(start, master, {
    reconcile: Number(reconcile),
    launch: Number(launch),
    taskSeconds: Number(taskSeconds),
  });
  console.log(JSON.stringify({ framework: name, ...result }));
}

main().then(
  () => process.exit(0),
  (error) => {
    console.log(JSON.stringify({ framework: process.argv[2], failed: String(error.stack) }));
    process.exit(1);
  },
);
