'use strict';
// Bench 2: reconcile N unknown tasks on master=local and time until all N updates have
// reached the scheduler (Mesos's SchedulerReconcileTasks_BENCHMARK_Test), TypeScript
// against the C++ framework on the same libmesos.
const { round } = require('./stats');
const { runCppBaseline } = require('./cpp-baseline');
const { startCountingFramework, unknownTasks } = require('./framework');

async function reconcileTs(sizes) {
  const framework = await startCountingFramework('mesos-napi bench (TypeScript)');
  const results = [];
  for (const n of sizes) {
    const statuses = unknownTasks(n);
    framework.resetUpdates();
    const start = process.hrtime.bigint();
    framework.driver.reconcileTasks(statuses);
    await framework.waitForUpdates(n);
    results.push({ tasks: n, ms: Number(process.hrtime.bigint() - start) / 1e6 });
  }
  await framework.stop();
  return results;
}

async function benchReconcile(sizes, env) {
  const cpp = runCppBaseline(['reconcile', ...sizes], env());
  env();
  const ts = await reconcileTs(sizes);
  return sizes.map((n, i) => {
    const cppMs = cpp.find((row) => row.tasks === n).ms;
    return {
      tasks: n,
      typescriptMs: round(ts[i].ms, 1),
      cppMs: round(cppMs, 1),
      ratio: round(ts[i].ms / cppMs, 3),
    };
  });
}

module.exports = { benchReconcile };
