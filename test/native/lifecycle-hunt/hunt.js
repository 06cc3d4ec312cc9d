'use strict';
// Runs many programs (seed, seed+1, ...) a few at a time, against a separately started
// master for the programs that ask for one, and returns every failure with what replays it.
const path = require('path');
const { generateProgram } = require('./generate');
const { runProgram } = require('./run-program');
const { checkResult } = require('./checks');

const ROOT = path.join(__dirname, '..', '..', '..');

/** A master (and agent) on 127.0.0.1 for programs with master 'separate'. */
async function startSeparateMaster() {
  const { startLocalCluster } = require(path.join(ROOT, 'lib'));
  return startLocalCluster();
}

function describeFailure({ seed, program, failures }) {
  return [
    `seed ${seed}: ${failures.map((f) => f.class).join(' + ')}`,
    ...failures.map((f) => `  ${f.class}: ${f.detail}`),
    `  program: ${JSON.stringify(program)}`,
    `  replay: npm run hunt -- --seed ${seed}`,
  ].join('\n');
}

/**
 * options: seed (first seed), count, concurrency, timeoutMs (per program), budgetMs (start
 * no program after it), master (host:port for 'separate'), onResult({ seed, program, failures, result }).
 */
async function hunt(options) {
  const { seed, count, concurrency = 2, budgetMs = Infinity, onResult } = options;
  const deadline = Date.now() + budgetMs;
  const failed = [];
  const durations = [];
  let next = 0;
  const worker = async () => {
    while (next < count && Date.now() < deadline) {
      const programSeed = seed + next++;
      const program = generateProgram(programSeed);
      const result = await runProgram(program, {
        timeoutMs: options.timeoutMs,
        master: options.master,
      });
      const failures = checkResult(result);
      durations.push(result.durationMs);
      if (failures.length > 0) failed.push({ seed: programSeed, program, failures, result });
      onResult?.({ seed: programSeed, program, failures, result });
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  failed.sort((a, b) => a.seed - b.seed);
  return { ran: durations.length, durations, failed };
}

/** Failure classes with how many programs hit each and the first few seeds. */
function summarize(failed) {
  const classes = new Map();
  for (const { seed, failures } of failed) {
    for (const c of new Set(failures.map((f) => f.class))) {
      if (!classes.has(c)) classes.set(c, []);
      classes.get(c).push(seed);
    }
  }
  return [...classes.entries()]
    .sort((a, b) => b[1].length - a[1].length)
    .map(([c, seeds]) => `${seeds.length} × ${c} (seeds ${seeds.slice(0, 5).join(', ')})`);
}

module.exports = { hunt, startSeparateMaster, describeFailure, summarize };
