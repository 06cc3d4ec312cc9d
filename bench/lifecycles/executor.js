'use strict';
// Bench 4c's executor, started once by the agent and kept for the whole run: answers each
// launchTask with TASK_RUNNING and TASK_FINISHED at once, and a framework message
// `memory <finished>` with `<finished> <JSON>`: its RSS and V8 heap after GC now and when it
// registered (node --expose-gc).
const { MesosExecutorDriver, stopAfter } = require('mesos-napi');

function memory() {
  globalThis.gc();
  const { rss, heapUsed } = process.memoryUsage();
  return { rss, heapUsed };
}

let atRegistration = null;

const executor = {
  registered() {
    atRegistration = memory();
  },
  launchTask(driver, task) {
    driver.sendStatusUpdate({ taskId: task.taskId, state: 'TASK_RUNNING' });
    driver.sendStatusUpdate({ taskId: task.taskId, state: 'TASK_FINISHED' });
  },
  frameworkMessage(driver, data) {
    const [what, finished] = Buffer.from(data).toString().split(' ');
    if (what !== 'memory') return;
    const reply = { registered: atRegistration, now: memory() };
    driver.sendFrameworkMessage(Buffer.from(`${finished} ${JSON.stringify(reply)}`));
  },
  shutdown(driver) {
    void stopAfter(driver, 200);
  },
};

new MesosExecutorDriver(executor).run().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
