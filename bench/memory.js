'use strict';
// Bench 4: RSS and heap after N status updates, then RSS growth across repeated rounds
// after GC (node --expose-gc), for the TypeScript framework and for the C++ one doing the
// same rounds. The master and agent run as processes of their own (startLocalCluster), so
// the figures are each framework's alone.
const { startLocalCluster } = require('../lib/cluster');
const { round } = require('./stats');
const { runCppBaseline } = require('./cpp-baseline');
const { startCountingFramework, unknownTasks } = require('./framework');

const mb = (bytes) => round(bytes / (1024 * 1024), 1);

function snapshot() {
  globalThis.gc();
  globalThis.gc();
  const usage = process.memoryUsage();
  return { rss: usage.rss, heapUsed: usage.heapUsed };
}

async function typescriptRounds(master, first, perRound, rounds) {
  const framework = await startCountingFramework('mesos-napi bench memory (TypeScript)', master);
  const reconcile = async (n, prefix) => {
    framework.resetUpdates();
    framework.driver.reconcileTasks(unknownTasks(n, prefix));
    await framework.waitForUpdates(n);
  };
  const before = snapshot();
  await reconcile(first, 'first');
  const after = snapshot();
  const afterRounds = [];
  for (let i = 0; i < rounds; i++) {
    await reconcile(perRound, `round-${i}`);
    afterRounds.push(snapshot());
  }
  await framework.stop();
  return { before, after, afterRounds };
}

async function benchMemory({ first = 100000, perRound = 20000, rounds = 5 } = {}) {
  if (typeof globalThis.gc !== 'function') throw new Error('run with node --expose-gc');
  const cluster = await startLocalCluster({});
  try {
    const ts = await typescriptRounds(cluster.master, first, perRound, rounds);
    const cpp = runCppBaseline(
      ['reconcile', first, ...new Array(rounds).fill(perRound)],
      {},
      cluster.master,
    );
    const tsGrowth = ts.afterRounds[rounds - 1].rss - ts.afterRounds[0].rss;
    const cppGrowth = (cpp[rounds].rssKb - cpp[1].rssKb) * 1024;
    return [
      {
        framework: 'typescript',
        [`rssAfter${first}Mb`]: mb(ts.after.rss),
        heapAfterMb: mb(ts.after.heapUsed),
        [`rssGrowthOver${rounds - 1}RoundsOf${perRound}Mb`]: mb(tsGrowth),
        heapGrowthMb: mb(ts.afterRounds[rounds - 1].heapUsed - ts.afterRounds[0].heapUsed),
      },
      {
        framework: 'c++',
        [`rssAfter${first}Mb`]: mb(cpp[0].rssKb * 1024),
        heapAfterMb: null,
        [`rssGrowthOver${rounds - 1}RoundsOf${perRound}Mb`]: mb(cppGrowth),
        heapGrowthMb: null,
      },
    ];
  } finally {
    await cluster.stop();
  }
}

module.exports = { benchMemory };
