'use strict';
// The long run: `npm run hunt -- [--seed N] [--count N] [--concurrency N] [--timeout MS]`.
// Without --seed, a fresh base seed (printed); --seed N alone replays that one program and
// prints its record and the end of libmesos's log. Exits 1 when any program failed.
const { generateProgram } = require('./generate');
const { hunt, startSeparateMaster, describeFailure, summarize } = require('./hunt');

function options(argv) {
  const named = {};
  for (let i = 0; i < argv.length; i += 2) {
    if (!argv[i].startsWith('--') || argv[i + 1] === undefined) {
      throw new Error(`usage: [--seed N] [--count N] [--concurrency N] [--timeout MS]`);
    }
    named[argv[i].slice(2)] = Number(argv[i + 1]);
  }
  const replay = named.seed !== undefined && named.count === undefined;
  return {
    seed: named.seed ?? Date.now() % 1_000_000_000,
    count: named.count ?? (replay ? 1 : 2000),
    concurrency: named.concurrency ?? 2,
    timeoutMs: named.timeout ?? 60_000,
    replay,
  };
}

function needsSeparateMaster({ seed, count }) {
  for (let s = seed; s < seed + Math.min(count, 50); s++) {
    if (JSON.stringify(generateProgram(s)).includes('"separate"')) return true;
  }
  return count > 50;
}

async function main() {
  const opts = options(process.argv.slice(2));
  console.log(
    `lifecycle hunt: seeds ${opts.seed}..${opts.seed + opts.count - 1}, ${opts.concurrency} at a time`,
  );
  const cluster = needsSeparateMaster(opts) ? await startSeparateMaster() : undefined;
  const started = Date.now();
  let done = 0;
  try {
    const { ran, durations, failed } = await hunt({
      ...opts,
      master: cluster?.master,
      onResult: ({ program, failures, result }) => {
        if (opts.replay) {
          console.log(`program: ${JSON.stringify(program)}`);
          console.log(result.output.split('\n').slice(-80).join('\n'));
        }
        process.stdout.write(failures.length > 0 ? 'F' : '.');
        if (++done % 100 === 0) process.stdout.write(` ${done}\n`);
      },
    });
    process.stdout.write('\n');
    for (const failure of failed) console.log(describeFailure(failure));
    const mean = durations.reduce((a, b) => a + b, 0) / Math.max(1, durations.length);
    console.log(
      `${ran} programs in ${((Date.now() - started) / 1000).toFixed(0)} s (${(mean / 1000).toFixed(1)} s each on average), ${failed.length} failed`,
    );
    for (const line of summarize(failed)) console.log(`  ${line}`);
    process.exitCode = failed.length > 0 ? 1 : 0;
  } finally {
    await cluster?.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 2;
});
