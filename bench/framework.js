'use strict';
// The TypeScript side of benches 2-4: a scheduler on master=local through the public API
// (lib/), counting status updates.
const { MesosSchedulerDriver, Status } = require('../lib');

async function startCountingFramework(name, master = 'local') {
  let updates = 0;
  let waiter = null;
  let registered;
  const ready = new Promise((resolve) => (registered = resolve));
  const scheduler = {
    registered: () => registered(),
    statusUpdate: () => {
      updates++;
      if (waiter && updates >= waiter.count) {
        const { resolve } = waiter;
        waiter = null;
        resolve();
      }
    },
    error: (_driver, message) => console.error(`framework error: ${message}`),
  };
  const driver = new MesosSchedulerDriver(scheduler, {
    framework: { user: '', name },
    master,
  });
  if (driver.start() !== Status.DRIVER_RUNNING) throw new Error('driver did not start');
  await ready;
  return {
    driver,
    resetUpdates: () => (updates = 0),
    updates: () => updates,
    waitForUpdates: (count) =>
      updates >= count
        ? Promise.resolve()
        : new Promise((resolve) => (waiter = { count, resolve })),
    stop: async () => {
      driver.stop(false);
      await driver.join();
    },
  };
}

function unknownTasks(n, prefix = 'task') {
  const statuses = new Array(n);
  for (let i = 0; i < n; i++)
    statuses[i] = { taskId: { value: `${prefix} ${i}` }, state: 'TASK_STAGING' };
  return statuses;
}

module.exports = { startCountingFramework, unknownTasks };
