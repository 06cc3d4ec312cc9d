'use strict';
// Bench 3: calls into the driver per second from JavaScript, encoding included, against
// the same calls from C++ on the same libmesos.
const { round } = require('./stats');
const { runCppBaseline } = require('./cpp-baseline');
const { startCountingFramework } = require('./framework');

function timeCalls(count, call) {
  const start = process.hrtime.bigint();
  for (let i = 0; i < count; i++) call(i);
  return Number(process.hrtime.bigint() - start) / 1e6;
}

async function callsTs(count) {
  const framework = await startCountingFramework('mesos-napi bench calls (TypeScript)');
  const { driver } = framework;
  const filters = { refuseSeconds: 5 };
  const resources = [{ name: 'cpus', type: 'SCALAR', scalar: { value: 1 } }];
  const ms = {
    declineOffer: timeCalls(count, (i) =>
      driver.declineOffer({ value: `bench-offer-${i}` }, filters),
    ),
    launchTasks: timeCalls(count, (i) =>
      driver.launchTasks(
        [{ value: `bench-offer-${i}` }],
        [
          {
            name: 'bench',
            taskId: { value: `bench-task-${i}` },
            slaveId: { value: 'bench-agent' },
            command: { value: 'true' },
            resources,
          },
        ],
        filters,
      ),
    ),
    reconcileTasks: timeCalls(count, (i) =>
      driver.reconcileTasks([{ taskId: { value: `bench-task-${i}` }, state: 'TASK_STAGING' }]),
    ),
  };
  await framework.stop();
  return ms;
}

async function benchCalls(count, env) {
  const cpp = runCppBaseline(['calls', count], env());
  env();
  const ts = await callsTs(count);
  return Object.entries(ts).map(([call, ms]) => {
    const cppMs = cpp.find((row) => row.call === call).ms;
    return {
      call,
      count,
      typescriptPerSec: Math.round(count / (ms / 1000)),
      cppPerSec: Math.round(count / (cppMs / 1000)),
      ratio: round(cppMs / ms, 3),
    };
  });
}

module.exports = { benchCalls };
