'use strict';
// Runs one thread's steps of a program, in order, against the compiled library. Driver
// slots are per thread; a step on an empty slot (never built, constructor threw, dropped)
// is recorded as skipped. Every join()/run() promise is tracked: created and settled.
const path = require('path');
const { Worker } = require('worker_threads');
const { makeHandler } = require('./handlers');
const { createObjects } = require('./objects');
const { executorEnvironment } = require('./generate');

const ROOT = path.join(__dirname, '..', '..', '..');
const lib = require(path.join(ROOT, 'lib'));

const MASTERS = {
  local: () => 'local',
  separate: () => {
    if (!process.env.HUNT_MASTER) throw new Error('HUNT_MASTER (the separate master) is not set');
    return process.env.HUNT_MASTER;
  },
  unreachable: () => '127.0.0.1:1',
  file: () => 'file:///nonexistent/lifecycle-hunt/master',
  unparsable: () => 'nonsense://nowhere',
};

function errorText(error) {
  return error instanceof Error ? `${error.name}: ${error.message}`.slice(0, 300) : String(error);
}

function createThread(thread, record, fixture) {
  const slots = new Map();
  const workers = new Map();
  const objects = createObjects(thread, record, lib, MASTERS);
  let joins = 0;

  const join = (driver, d, via, method = 'join') => {
    const id = `${thread}#${joins++}`;
    record({ join: id, d, via, method });
    const promise = driver[method]();
    promise.then(
      (value) => record({ settled: id, value }),
      (error) => record({ settled: id, rejected: errorText(error) }),
    );
    return promise;
  };

  const construct = (step) => {
    const ctx = {
      d: step.d,
      record,
      task: step.task,
      implicit: step.implicit !== false,
      join: (driver, via) => join(driver, step.d, via),
    };
    const handler = makeHandler(step.op, step.on ?? [], ctx);
    if (step.op === 'scheduler') {
      return new lib.MesosSchedulerDriver(handler, {
        framework: { user: '', name: `lifecycle-hunt-${step.d}` },
        master: MASTERS[step.master](),
        implicitAcknowledgements: step.implicit !== false,
      });
    }
    switch (step.env) {
      case 'fake':
      case 'bad-log':
        return new lib.MesosExecutorDriver(handler, { environment: executorEnvironment(step) });
      case 'missing':
        return new lib.MesosExecutorDriver(handler, { environment: {} });
      case 'setenv':
        // In a worker, process.env is the thread's copy; libmesos reads the real one.
        Object.assign(process.env, executorEnvironment(step));
        return new lib.MesosExecutorDriver(handler);
      default:
        return new lib.MesosExecutorDriver(handler);
    }
  };

  const exec = async (step) => {
    if (step.op === 'scheduler' || step.op === 'executor') {
      slots.set(step.d, construct(step));
      return 'constructed';
    }
    if (step.op === 'sleep') return new Promise((resolve) => setTimeout(resolve, step.ms));
    if (step.op === 'gc') return globalThis.gc();
    if (step.op === 'worker') return fixture.startWorker(step, workers, record);
    if (step.op === 'terminate') {
      record({ cut: step.w });
      return workers.get(step.w)?.terminate();
    }
    if (step.op === 'exit') {
      record({ cut: thread });
      process.exit(step.code);
    }
    if (step.o !== undefined) return objects(step);
    const driver = slots.get(step.d);
    if (!driver) return 'skipped';
    switch (step.op) {
      case 'start':
        return driver.start();
      case 'stop':
        return step.failover ? driver.stop(true) : driver.stop();
      case 'abort':
        return driver.abort();
      case 'join':
      case 'run':
        void join(driver, step.d, 'step', step.op).catch(() => undefined);
        return 'pending';
      case 'await-join':
        return join(driver, step.d, 'step').catch(errorText);
      case 'drop':
        slots.delete(step.d);
        globalThis.gc();
        return 'dropped';
      default:
        throw new Error(`unknown step ${step.op}`);
    }
  };

  return async (steps) => {
    for (const [i, step] of steps.entries()) {
      record({
        i,
        at: step.op,
        d: step.d,
        o: step.o,
        kind: step.kind,
        ms: step.ms,
        time: Date.now(),
      });
      try {
        const r = await exec(step);
        record({ i, r: r ?? null, time: Date.now() });
      } catch (error) {
        record({ i, threw: errorText(error) });
      }
    }
    record({ done: true });
  };
}

/** Starts a worker running fixtureFile on a sub-program (V8's --expose-gc is process-wide). */
function workerStarter(fixtureFile) {
  return {
    startWorker(step, workers, record) {
      const worker = new Worker(fixtureFile, {
        workerData: { thread: step.w, steps: step.steps },
      });
      worker.on('error', (error) => record({ workerError: step.w, error: errorText(error) }));
      worker.on('exit', (code) => record({ workerExit: step.w, code }));
      workers.set(step.w, worker);
      return 'started';
    },
  };
}

module.exports = { createThread, workerStarter };
