'use strict';
// The hunt's other objects (see objects.js for what each step does): State (in memory,
// LevelDB, over a Log), Log with its writer and reader, V1Mesos, V0Mesos, V1ExecutorMesos
// and LeaderElection (on a ZooKeeper that is not there), each a story of its own: built well or badly, operations started and
// left pending, awaited, closed, dropped and collected. A second generator of the same seed
// makes them, so that a seed keeps naming the same driver steps; they go in the main thread,
// each in its order among the drivers' steps. Every library that keeps the process alive is
// closed by its own story.
const { prng } = require('./prng');

const STATE_METHODS = { fetch: 3, 'fetch-store': 3, names: 1, 'fetch-expunge': 1 };
const LOG_METHODS = {
  start: 2,
  append: 3,
  truncate: 1,
  read: 2,
  beginning: 1,
  ending: 1,
  catchup: 1,
};

function stateStory(rng, o) {
  const backend = rng.weighted({ memory: 3, leveldb: 2, log: 2, 'bad-path': 0.5 });
  const steps = [{ op: 'object', o, kind: 'state', backend }];
  for (let i = rng.int(0, 5); i > 0; i--) {
    steps.push(
      rng.chance(0.75)
        ? { op: 'call', o, method: rng.weighted(STATE_METHODS), name: rng.pick(['a', 'b']) }
        : rng.pick([{ op: 'gc' }, { op: 'sleep', ms: rng.int(0, 300) }, { op: 'await', o }]),
    );
  }
  const after = rng.weighted({ none: 2, await: 2, drop: 2 });
  if (after !== 'none') steps.push({ op: after, o });
  return steps;
}

function logStory(rng, o) {
  const shape = rng.weighted({ good: 5, 'never-recovers': 1, 'bad-quorum': 0.5, 'bad-path': 0.5 });
  const steps = [{ op: 'object', o, kind: 'log', shape }];
  for (let i = rng.int(0, 6); i > 0; i--) {
    steps.push(
      rng.chance(0.8)
        ? { op: 'call', o, method: rng.weighted(LOG_METHODS) }
        : rng.pick([{ op: 'gc' }, { op: 'sleep', ms: rng.int(0, 300) }, { op: 'await', o }]),
    );
  }
  const after = rng.weighted({ none: 2, await: 2, drop: 2 });
  if (after !== 'none') steps.push({ op: after, o });
  return steps;
}

function libraryStory(rng, o) {
  const kind = rng.weighted({ v1: 3, v0: 2, 'v1-executor': 1, election: 1 });
  const master =
    kind === 'v1-executor' || kind === 'election'
      ? undefined
      : rng.weighted({ local: 3, separate: 2, unreachable: 1, unparsable: 0.3 });
  const steps = [
    {
      op: 'object',
      o,
      kind,
      master,
      subscribe: rng.chance(0.8),
      // What its received() does on the first event of this type, if anything.
      react: rng.chance(0.4)
        ? {
            event: rng.pick(['SUBSCRIBED', 'OFFERS', 'HEARTBEAT']),
            do: rng.pick(['throw', 'never', 'close']),
          }
        : undefined,
    },
  ];
  for (let i = rng.int(0, 2); i > 0; i--) {
    steps.push(rng.pick([{ op: 'gc' }, { op: 'sleep', ms: rng.int(0, 1500) }]));
  }
  steps.push({ op: 'sleep', ms: rng.int(200, 2500) });
  if (rng.chance(0.3)) {
    steps.push({ op: 'call', o, method: kind === 'election' ? 'withdraw' : 'teardown' });
  }
  steps.push({ op: 'call', o, method: 'close' });
  if (rng.chance(0.5)) steps.push({ op: rng.pick(['await', 'drop']), o });
  return steps;
}

/** Object stories of the program with this seed, to be placed among its main thread's steps. */
function objectStories(seed) {
  const rng = prng((seed ^ 0x5eed5eed) >>> 0);
  const count = Number(rng.weighted({ 0: 2, 1: 4, 2: 3, 3: 1 }));
  const stories = [];
  for (let i = 0; i < count; i++) {
    const o = `o${i}`;
    const kind = rng.weighted({ state: 3, log: 2, library: 3 });
    stories.push(
      kind === 'state'
        ? stateStory(rng, o)
        : kind === 'log'
          ? logStory(rng, o)
          : libraryStory(rng, o),
    );
  }
  return { stories, rng };
}

/** steps with every story's steps placed at random, each story in its own order. */
function placeAmong(steps, { stories, rng }) {
  const out = [...steps];
  for (const story of stories) {
    let at = 0;
    for (const step of story) {
      at = rng.int(at, out.length);
      out.splice(at, 0, step);
      at++;
    }
  }
  return out;
}

module.exports = { objectStories, placeAmong };
