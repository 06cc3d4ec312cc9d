'use strict';
// The work every framework of the peer bench does, in a process of its own:
//  1. reconcile `reconcile` unknown tasks, until every answer arrived;
//  2. launch `launch` command tasks (`sleep <taskSeconds>`) from offers, until every
//     TASK_FINISHED arrived.
// Measured: 1's time and the process's CPU time for it; 2's throughput from the first
// launch to the last TASK_FINISHED; the delay from each TASK_RUNNING's timestamp (set where
// the update was made, on the agent's side) to the handler; the RSS at the end.
// A phase in which no update and no offer arrives for `stallMs` ends with what had arrived.

const TASK_CPUS = 0.1;
const TASK_MEM = 16;

const cpuMs = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};

async function runWork(start, master, { reconcile, launch, taskSeconds, stallMs = 90000 }) {
  const errors = new Set();
  let stopping = false;
  const onError = (error) => stopping || errors.add(error.message.slice(0, 300));
  let updates = 0;
  let progress = 0;
  let finished = 0;
  let heldOffers = [];
  let phase = 'reconcile';
  let remaining = 0;
  let launchStart = null;
  let launchEnd = null;
  let nextTask = 0;
  const runningDelaysMs = [];
  let framework = null;

  const useOffer = (offer) => {
    const fit = Math.min(
      remaining,
      Math.floor((offer.cpus + 1e-9) / TASK_CPUS),
      Math.floor((offer.mem + 1e-9) / TASK_MEM),
    );
    if (fit === 0) {
      framework.decline(offer, remaining === 0 ? 3600 : 0);
      return;
    }
    const tasks = [];
    for (let i = 0; i < fit; i++) {
      tasks.push({
        id: `peer-task-${nextTask++}`,
        cpus: TASK_CPUS,
        mem: TASK_MEM,
        command: `sleep ${taskSeconds}`,
      });
    }
    remaining -= fit;
    if (launchStart === null) launchStart = process.hrtime.bigint();
    framework.launch(offer, tasks);
  };

  const handlers = {
    onError,
    onUpdate: (_taskId, state, timestampSeconds) => {
      updates++;
      progress++;
      if (phase !== 'launch') return;
      if (state === 'TASK_RUNNING') {
        runningDelaysMs.push(Date.now() - timestampSeconds * 1000);
      } else if (state === 'TASK_FINISHED') {
        if (++finished === launch) launchEnd = process.hrtime.bigint();
      } else if (state !== 'TASK_STARTING') {
        onError(new Error(`a task ended ${state}`));
      }
    },
    onOffers: (offers) => {
      progress++;
      if (phase === 'launch') offers.forEach(useOffer);
      else heldOffers.push(...offers);
    },
  };

  const waitFor = async (done) => {
    let last = -1;
    let lastChange = Date.now();
    while (!done()) {
      if (progress !== last) {
        last = progress;
        lastChange = Date.now();
      } else if (Date.now() - lastChange > stallMs) {
        return false;
      }
      await new Promise((resolve) => setTimeout(resolve, 2));
    }
    return true;
  };

  const result = { errors: [] };
  framework = await start(master, `peer bench ${process.pid}`, handlers);

  if (reconcile > 0) {
    updates = 0;
    const cpuBefore = cpuMs();
    const begin = process.hrtime.bigint();
    framework.reconcileUnknown(reconcile, 'unknown');
    const complete = await waitFor(() => updates >= reconcile);
    result.reconcile = {
      tasks: reconcile,
      answered: updates,
      complete,
      ms: Number(process.hrtime.bigint() - begin) / 1e6,
      cpuMs: cpuMs() - cpuBefore,
    };
  }

  if (launch > 0) {
    phase = 'launch';
    remaining = launch;
    updates = 0;
    const offers = heldOffers;
    heldOffers = [];
    offers.forEach(useOffer);
    const complete = await waitFor(() => finished >= launch);
    const end = launchEnd ?? process.hrtime.bigint();
    const sorted = Float64Array.from(runningDelaysMs).sort();
    const at = (p) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))];
    result.launch = {
      tasks: launch,
      finished,
      complete,
      ms: launchStart === null ? null : Number(end - launchStart) / 1e6,
      runningUpdates: sorted.length,
      runningP50Ms: sorted.length ? at(0.5) : null,
      runningP99Ms: sorted.length ? at(0.99) : null,
    };
  }

  stopping = true;
  await framework.stop();
  result.rssKb = Math.round(process.memoryUsage().rss / 1024);
  result.errors = [...errors];
  return result;
}

module.exports = { runWork, TASK_CPUS, TASK_MEM };
