'use strict';
// Bench 4c, the TypeScript framework, in a process of its own (node --expose-gc):
//   node --expose-gc scheduler.js <master> <n> <task.json>
// launches the template task from offers onto one executor until n tasks have finished
// (implicit acknowledgements), samples its RSS and V8 heap after GC at registration and every
// n/20 finished tasks, and asks the executor for its own at the same moments. Progress lines
// go to stderr; the samples, as one JSON line, to stdout.
const fs = require('fs');
const { performance } = require('perf_hooks');
const { MesosSchedulerDriver, Status } = require('../../lib');
const { checkpoint, tasksFitting, NOT_ENDED } = require('./task');

// The run stops at this many tasks ended otherwise than TASK_FINISHED: something is wrong.
const MAX_OTHER_ENDS = 100;
const EXECUTOR_WAIT_MS = 30000;

function memory() {
  globalThis.gc();
  globalThis.gc();
  const { rss, heapUsed } = process.memoryUsage();
  return { rss, heapUsed };
}

const mb = (bytes) => (bytes / (1024 * 1024)).toFixed(1);

function progress(impl, n, sample, last) {
  const rate = sample.finished / (sample.ms / 1000);
  const recent = (sample.finished - last.finished) / ((sample.ms - last.ms) / 1000);
  console.error(
    `4c ${impl}: ${sample.finished} of ${n} lifecycles (${Math.round((sample.finished / n) * 100)} %), ` +
      `${(sample.ms / 1000).toFixed(1)} s, ${Math.round(rate)}/s (last tenth ${Math.round(recent)}/s), ` +
      `RSS ${mb(sample.rss)} MB, heap ${mb(sample.heapUsed)} MB`,
  );
}

function run(master, n, templateFile) {
  const template = JSON.parse(fs.readFileSync(templateFile, 'utf8'));
  const executorId = template.executor.executorId;
  const samples = [];
  const executorSamples = [];
  let remaining = n;
  let launched = 0;
  let finished = 0;
  let next = 1;
  let otherEnds = 0;
  let firstOtherEnd = null;
  let start = null;
  let finishedAll;
  let executorAtEnd;
  let failed;
  const allFinished = new Promise((resolve, reject) => {
    finishedAll = resolve;
    failed = reject;
  });
  const executorAnswered = new Promise((resolve) => (executorAtEnd = resolve));

  const sample = (driver, agentId) => {
    const at = { finished, ms: start === null ? 0 : performance.now() - start, ...memory() };
    samples.push(at);
    if (finished === 0) return;
    driver.sendFrameworkMessage(executorId, agentId, Buffer.from(`memory ${finished}`));
    if (next % 2 === 0) progress('typescript', n, at, samples[samples.length - 3] ?? samples[0]);
  };

  const scheduler = {
    registered: (driver) => sample(driver),
    resourceOffers(driver, offers) {
      for (const offer of offers) {
        const fit = tasksFitting(offer, remaining);
        if (fit === 0) {
          driver.declineOffer(offer.id, { refuseSeconds: remaining === 0 ? 1 : 0 });
          continue;
        }
        const tasks = new Array(fit);
        for (let i = 0; i < fit; i++) {
          const id = `lifecycle-${launched++}`;
          tasks[i] = { ...template, name: id, taskId: { value: id }, slaveId: offer.slaveId };
        }
        remaining -= fit;
        start ??= performance.now();
        driver.launchTasks([offer.id], tasks, { refuseSeconds: 0 });
      }
    },
    statusUpdate(driver, status) {
      if (status.state === 'TASK_FINISHED') {
        finished++;
        if (finished === checkpoint(n, next)) {
          sample(driver, status.slaveId);
          next++;
        }
        if (finished === n) finishedAll();
      } else if (!NOT_ENDED.has(status.state)) {
        otherEnds++;
        remaining++;
        firstOtherEnd ??= `${status.taskId.value}: ${status.state} ${status.reason ?? ''} ${status.message ?? ''}`;
        if (otherEnds >= MAX_OTHER_ENDS)
          failed(new Error(`${otherEnds} tasks ended otherwise, the first ${firstOtherEnd}`));
      }
    },
    frameworkMessage(_driver, _executorId, _agentId, data) {
      const text = Buffer.from(data).toString();
      const space = text.indexOf(' ');
      const at = Number(text.slice(0, space));
      executorSamples.push({ finished: at, ...JSON.parse(text.slice(space + 1)) });
      if (at === n) executorAtEnd();
    },
    error: (_driver, message) => failed(new Error(`framework error: ${message}`)),
  };
  const driver = new MesosSchedulerDriver(scheduler, {
    framework: { user: '', name: 'mesos-napi bench lifecycles (TypeScript)' },
    master,
  });
  if (driver.start() !== Status.DRIVER_RUNNING) throw new Error('driver did not start');
  return allFinished.then(
    async () => {
      await Promise.race([
        executorAnswered,
        new Promise((resolve) => setTimeout(resolve, EXECUTOR_WAIT_MS)),
      ]);
      driver.stop(false);
      await driver.join();
      return { impl: 'typescript', n, samples, executorSamples, otherEnds, firstOtherEnd };
    },
    async (error) => {
      driver.stop(false);
      await driver.join();
      throw error;
    },
  );
}

if (require.main === module) {
  const [master, n, templateFile] = process.argv.slice(2);
  run(master, Number(n), templateFile).then(
    (result) => {
      console.log(JSON.stringify(result));
      process.exit(0);
    },
    (error) => {
      console.error(error);
      process.exit(1);
    },
  );
}
