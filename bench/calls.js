'use strict';
// Bench 3: calls into the driver per second from JavaScript, encoding included, against
// the same calls from C++ on the same libmesos.
const { round } = require('./stats');
const { runCppBaseline } = require('./cpp-baseline');
const { startCountingFramework } = require('./framework');

const fs = require('fs');

const sinceMs = (start) => Number(process.hrtime.bigint() - start) / 1e6;

/** CPU time of the JS thread (Linux schedstat, ns), as driver_bench measures its loop's. */
function threadCpuMs() {
  try {
    const text = fs.readFileSync(`/proc/self/task/${process.pid}/schedstat`, 'utf8');
    return Number(text.split(' ')[0]) / 1e6;
  } catch {
    return NaN;
  }
}

// Calls made (and answered) before timing, with other ids: a long-running framework runs
// its calls compiled by the JIT, so the timed loop should too. C++ needs none.
const WARM_UP = 2000;

/** Times the loop of calls, then (when each call is answered by one update) until all are. */
async function timeCalls(framework, count, call, answered) {
  framework.resetUpdates();
  for (let i = count; i < count + WARM_UP; i++) call(i);
  if (answered) await framework.waitForUpdates(WARM_UP);
  framework.resetUpdates();
  const cpuBefore = threadCpuMs();
  const start = process.hrtime.bigint();
  for (let i = 0; i < count; i++) call(i);
  const ms = sinceMs(start);
  const threadCpu = threadCpuMs() - cpuBefore;
  if (!answered) return { ms, threadCpu };
  await framework.waitForUpdates(count);
  return { ms, threadCpu, answeredMs: sinceMs(start) };
}

async function callsTs(count, only) {
  const framework = await startCountingFramework('mesos-napi bench calls (TypeScript)');
  const { driver } = framework;
  const filters = { refuseSeconds: 5 };
  const resources = [{ name: 'cpus', type: 'SCALAR', scalar: { value: 1 } }];
  const ms = {};
  if (!only || only.includes('declineOffer')) {
    ms.declineOffer = await timeCalls(framework, count, (i) =>
      driver.declineOffer({ value: `bench-offer-${i}` }, filters),
    );
  }
  if (!only || only.includes('launchTasks')) {
    ms.launchTasks = await timeCalls(
      framework,
      count,
      (i) =>
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
      true,
    );
  }
  if (!only || only.includes('reconcileTasks')) {
    ms.reconcileTasks = await timeCalls(
      framework,
      count,
      (i) =>
        driver.reconcileTasks([{ taskId: { value: `bench-task-${i}` }, state: 'TASK_STAGING' }]),
      true,
    );
  }
  await framework.stop();
  return ms;
}

/** only: ['launchTasks'] runs that call alone (both sides); default, all three. */
async function benchCalls(count, env, only) {
  const launchOnly = only && only.length === 1 && only[0] === 'launchTasks';
  const cpp = runCppBaseline([launchOnly ? 'launch-calls' : 'calls', count], env());
  env();
  const ts = await callsTs(count, launchOnly ? only : undefined);
  return Object.entries(ts).map(([call, { ms, threadCpu, answeredMs }]) => {
    const row = cpp.find((r) => r.call === call);
    return {
      call,
      count,
      typescriptPerSec: Math.round(count / (ms / 1000)),
      cppPerSec: Math.round(count / (row.ms / 1000)),
      ratio: round(row.ms / ms, 3),
      // The calling thread's CPU per call: robust to other load on the machine.
      typescriptCpuUsPerCall: round((threadCpu * 1000) / count, 2),
      cppCpuUsPerCall:
        row.threadCpuMs === undefined ? null : round((row.threadCpuMs * 1000) / count, 2),
      typescriptAnsweredMs: answeredMs === undefined ? null : round(answeredMs, 0),
      cppAnsweredMs: row.answeredMs === undefined ? null : round(row.answeredMs, 0),
      answeredRatio: answeredMs === undefined ? null : round(answeredMs / row.answeredMs, 3),
    };
  });
}

module.exports = { benchCalls };
