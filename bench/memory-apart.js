'use strict';
// Bench 4b: where the TypeScript framework's memory after 100k updates goes, measured
// apart. A child process per variant reconciles N unknown tasks against one separate
// master and agent and reports, at each step, RSS, the V8 heap, memory outside the heap
// (Buffers), the glibc malloc arenas it can see in /proc/self/maps, and the libmesos-owned
// rest; the C++ framework does the same with the same MALLOC_ARENA_MAX settings.
const { spawnSync } = require('child_process');
const fs = require('fs');
const { startLocalCluster } = require('../lib/cluster');
const { round } = require('./stats');
const { runCppBaseline } = require('./cpp-baseline');

const mb = (bytes) => round(bytes / (1024 * 1024), 1);

/**
 * glibc's non-main malloc arenas: each is a 64 MiB-aligned reservation of 64 MiB (HEAP_MAX
 * on 64-bit), mapped as anonymous read-write pages followed by an inaccessible rest.
 */
function arenaCount() {
  const HEAP_MAX = 64 * 1024 * 1024;
  const lines = fs.readFileSync('/proc/self/maps', 'utf8').trim().split('\n');
  const maps = lines.map((line) => {
    const [range, perms, , , inode, name] = line.split(/\s+/);
    const [start, end] = range.split('-').map((hex) => parseInt(hex, 16));
    return { start, end, perms, anonymous: inode === '0' && !name };
  });
  let arenas = 0;
  for (let i = 0; i < maps.length; i++) {
    const m = maps[i];
    if (!m.anonymous || m.start % HEAP_MAX !== 0 || !m.perms.startsWith('rw')) continue;
    const rest = maps[i + 1];
    const end =
      rest && rest.anonymous && rest.perms === '---p' && rest.start === m.end ? rest.end : m.end;
    if (end - m.start === HEAP_MAX) arenas++;
  }
  return arenas;
}

function step(name) {
  globalThis.gc();
  const usage = process.memoryUsage();
  return {
    step: name,
    rssMb: mb(usage.rss),
    heapUsedMb: mb(usage.heapUsed),
    heapTotalMb: mb(usage.heapTotal),
    externalMb: mb(usage.external),
    mallocArenas: arenaCount(),
  };
}

async function child(master, n) {
  const { startCountingFramework, unknownTasks } = require('./framework');
  const steps = [step('before the driver')];
  const framework = await startCountingFramework('mesos-napi bench memory apart', master);
  steps.push(step('driver registered'));
  let statuses = unknownTasks(n);
  steps.push(step(`${n} statuses built in JavaScript`));
  framework.resetUpdates();
  framework.driver.reconcileTasks(statuses);
  steps.push(step('reconcileTasks returned (encoded, copied into libmesos)'));
  statuses = null;
  steps.push(step('argument array dropped'));
  await framework.waitForUpdates(n);
  steps.push(step(`all ${n} updates handled`));
  await new Promise((resolve) => setTimeout(resolve, 1000));
  steps.push(step('1 s later'));
  await framework.stop();
  steps.push(step('driver stopped and joined'));
  return steps;
}

function runChild(master, n, env) {
  const result = spawnSync(process.execPath, ['--expose-gc', __filename, master, String(n)], {
    encoding: 'utf8',
    env: { ...process.env, GLOG_minloglevel: '3', ...env },
    timeout: 10 * 60 * 1000,
  });
  const line = result.stdout.split('\n').find((l) => l.startsWith('['));
  if (!line) throw new Error(`memory child failed: ${result.stderr.slice(-1000)}`);
  return JSON.parse(line);
}

async function benchMemoryApart({ n = 100000 } = {}) {
  const cluster = await startLocalCluster({});
  try {
    const variants = [
      ['default', {}],
      ['MALLOC_ARENA_MAX=1', { MALLOC_ARENA_MAX: '1' }],
    ];
    const steps = {};
    const summary = [];
    for (const [name, env] of variants) {
      const ts = runChild(cluster.master, n, env);
      steps[name] = ts;
      const cpp = runCppBaseline(['reconcile', n], env, cluster.master);
      const handled = ts.find((s) => s.step.startsWith('all'));
      summary.push({
        malloc: name,
        typescriptRssMb: handled.rssMb,
        heapUsedMb: handled.heapUsedMb,
        externalMb: handled.externalMb,
        mallocArenas: handled.mallocArenas,
        cppRssMb: mb(cpp[0].rssKb * 1024),
      });
    }
    return { summary, steps };
  } finally {
    await cluster.stop();
  }
}

module.exports = { benchMemoryApart };

if (require.main === module) {
  const [master, n] = process.argv.slice(2);
  if (master) {
    child(master, Number(n)).then(
      (steps) => {
        console.log(JSON.stringify(steps));
        process.exit(0);
      },
      (error) => {
        console.error(error);
        process.exit(1);
      },
    );
  }
}
