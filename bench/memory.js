'use strict';
// Bench 4: RSS and heap after 100k status updates, then growth across repeated rounds
// after GC (run node with --expose-gc).
const { round } = require('./stats');
const { startCountingFramework, unknownTasks } = require('./framework');

const mb = (bytes) => round(bytes / (1024 * 1024), 1);

function snapshot() {
  globalThis.gc();
  globalThis.gc();
  const usage = process.memoryUsage();
  return { rss: usage.rss, heapUsed: usage.heapUsed };
}

async function benchMemory({ updates = 100000, rounds = 5, env }) {
  env();
  if (typeof globalThis.gc !== 'function') throw new Error('run with node --expose-gc');
  const framework = await startCountingFramework('mesos-napi bench memory (TypeScript)');
  const reconcile = async (n, prefix) => {
    framework.resetUpdates();
    framework.driver.reconcileTasks(unknownTasks(n, prefix));
    await framework.waitForUpdates(n);
  };
  const before = snapshot();
  await reconcile(updates, 'first');
  const after = snapshot();
  const perRound = [];
  for (let i = 0; i < rounds; i++) {
    await reconcile(updates, `round-${i}`);
    perRound.push(snapshot());
  }
  await framework.stop();
  const last = perRound[perRound.length - 1];
  return {
    updates,
    rssBeforeMb: mb(before.rss),
    rssAfterMb: mb(after.rss),
    heapAfterMb: mb(after.heapUsed),
    rounds,
    rssGrowthAcrossRoundsMb: mb(last.rss - perRound[0].rss),
    heapGrowthAcrossRoundsMb: mb(last.heapUsed - perRound[0].heapUsed),
  };
}

module.exports = { benchMemory };
