'use strict';
// The seeded generator: one seed, one driver program (a JSON object, see fixture.js for
// what each step does). A program is a few driver "stories" (construct, lifecycle calls,
// handler behaviour), interleaved in the main thread or in workers. Every started driver
// gets a stop or abort from its own thread's steps, so a program ends unless the library
// hangs; libmesos's own limits are respected (see FAKE_EXECUTOR_ENV).
const { prng } = require('./prng');

/**
 * What the agent would set for an executor, pointing at an agent that does not exist: the
 * driver starts, its link fails and libmesos delivers shutdown(), then kills the process
 * group after the grace period: a long one, so that this suicide never ends a program.
 * (Not MESOS_LOCAL: there libmesos terminates its executor process after shutdown(), and
 * stop/abort/join on it never return: a libmesos limit, not something to hunt.)
 */
const FAKE_EXECUTOR_ENV = {
  MESOS_SLAVE_PID: 'slave(1)@127.0.0.1:1',
  MESOS_SLAVE_ID: 'hunt-agent',
  MESOS_FRAMEWORK_ID: 'hunt-framework',
  MESOS_EXECUTOR_ID: 'hunt-executor',
  MESOS_DIRECTORY: '/tmp',
  MESOS_EXECUTOR_SHUTDOWN_GRACE_PERIOD: '10mins',
};
/** A logging variable libmesos's constructors fail to parse (error(), DRIVER_ABORTED). */
const BAD_LOG_ENV = { MESOS_LOGBUFSECS: 'x' };

const ACTIONS = { throw: 2, reject: 2, never: 2, stop: 2, abort: 1, 'stop-join': 2, join: 1 };

function handlerSpecs(rng, events) {
  const specs = [];
  const count = events.length === 0 ? 0 : rng.pick([0, 0, 1, 1, 1, 2]);
  for (let i = 0; i < count; i++) {
    specs.push({ event: rng.pick(events), do: rng.weighted(ACTIONS) });
  }
  return specs;
}

function schedulerConstruct(rng, d) {
  const master = rng.weighted({ local: 5, separate: 2, unreachable: 1, file: 1, unparsable: 0.4 });
  const task = master === 'local' && rng.chance(0.5);
  const events =
    {
      local: ['registered', 'resourceOffers', 'error', 'disconnected'],
      separate: ['registered', 'resourceOffers', 'error'],
      file: ['error'],
    }[master] ?? [];
  if (task) events.push('statusUpdate', 'statusUpdate');
  return {
    step: {
      op: 'scheduler',
      d,
      master,
      task,
      implicit: rng.chance(0.85),
      on: handlerSpecs(rng, events),
    },
    busyMs: task ? [1500, 4000] : master === 'local' ? [300, 2500] : [50, 1200],
  };
}

function executorConstruct(rng, d, programEnv) {
  const env = rng.weighted({ fake: 3, 'bad-log': 2, missing: 1, process: 2, setenv: 1 });
  if (env === 'process') Object.assign(programEnv, FAKE_EXECUTOR_ENV);
  return {
    step: {
      op: 'executor',
      d,
      env,
      on: handlerSpecs(rng, ['shutdown', 'error', 'registered']),
    },
    busyMs: [50, 1500],
  };
}

/** One driver's steps, in the order its thread runs them. */
function story(rng, d, kind, programEnv) {
  const { step, busyMs } =
    kind === 'scheduler' ? schedulerConstruct(rng, d) : executorConstruct(rng, d, programEnv);
  const steps = [step];
  const sleep = (lo, hi) => steps.push({ op: 'sleep', ms: rng.int(lo, hi) });
  const ending = () =>
    rng.pick([
      { op: 'stop', d },
      { op: 'stop', d, failover: true },
      { op: 'abort', d },
    ]);
  // Before start: calls on a driver that is not running (libmesos ignores them).
  for (let i = rng.pick([0, 0, 0, 1, 2]); i > 0; i--) {
    steps.push(rng.pick([ending(), { op: 'join', d }, { op: 'gc' }, { op: 'sleep', ms: 0 }]));
  }
  const started = rng.chance(0.88);
  if (!started) {
    if (rng.chance(0.6)) steps.push({ op: 'drop', d });
    return steps;
  }
  steps.push(rng.chance(0.7) ? { op: 'start', d } : { op: 'run', d });
  for (let i = rng.pick([0, 0, 1, 1, 2]); i > 0; i--) {
    const op = rng.weighted({ join: 2, gc: 1, sleep: 2, start: 1, run: 0.5 });
    if (op === 'sleep') sleep(0, busyMs[0]);
    else steps.push(op === 'gc' ? { op } : { op, d });
  }
  sleep(busyMs[0], busyMs[1]);
  steps.push(ending());
  if (rng.chance(0.3)) steps.push(ending());
  const after = rng.weighted({ none: 3, 'await-join': 3, join: 1, drop: 2 });
  if (after !== 'none') steps.push(after === 'drop' ? { op: 'drop', d } : { op: after, d });
  return steps;
}

/** Interleaves stories at random, keeping each one's order. */
function interleave(rng, stories) {
  const queues = stories.map((s) => [...s]);
  const out = [];
  for (;;) {
    const live = queues.filter((q) => q.length > 0);
    if (live.length === 0) return out;
    out.push(rng.pick(live).shift());
  }
}

function generateProgram(seed) {
  const rng = prng(seed);
  const env = {};
  if (rng.chance(0.08)) Object.assign(env, BAD_LOG_ENV);
  const threads = { main: [] };
  const stories = rng.weighted({ 1: 5, 2: 4, 3: 1 });
  for (let d = 0; d < Number(stories); d++) {
    const kind = rng.chance(0.65) ? 'scheduler' : 'executor';
    const thread = rng.chance(0.22) ? rng.pick(['w0', 'w1']) : 'main';
    (threads[thread] ??= []).push(story(rng, d, kind, env));
  }
  const steps = interleave(rng, threads.main);
  for (const w of ['w0', 'w1']) {
    if (!threads[w]) continue;
    const inner = interleave(rng, threads[w]);
    if (rng.chance(0.12)) inner.push({ op: 'exit', code: 0 });
    const at = rng.int(0, steps.length);
    steps.splice(at, 0, { op: 'worker', w, steps: inner });
    if (rng.chance(0.45)) {
      const later = rng.int(at + 1, steps.length);
      steps.splice(later, 0, { op: 'sleep', ms: rng.int(0, 2000) }, { op: 'terminate', w });
    }
  }
  if (rng.chance(0.08)) {
    const at = rng.int(Math.min(1, steps.length), steps.length);
    steps.splice(at, 0, { op: 'sleep', ms: rng.int(0, 1500) }, { op: 'exit', code: 0 });
  }
  return { seed, env, steps };
}

/** The environment of an executor step: given as its option, or set in process.env. */
function executorEnvironment(step) {
  return {
    ...FAKE_EXECUTOR_ENV,
    ...(step.env === 'bad-log' ? BAD_LOG_ENV : {}),
  };
}

module.exports = { generateProgram, executorEnvironment };
