'use strict';
// Where the JS thread's time goes in bench 3's launchTasks loop: `perf record -e cpu-clock`
// of a master=local framework making N launchTasks calls (after a warm-up), the samples of
// the JS thread alone, split by part (bench/profile-parts.js), beside the thread's CPU per
// call for the encoding alone, the native call alone (bytes encoded beforehand) and the
// whole call; and, in the same run, the C++ framework's (driver_bench launch-calls) with
// one TaskInfo reused and with each message parsed anew from its bytes, as the addon does.
// usage: node bench/profile-launch.js [N (default 100000)]
const fs = require('fs');
const path = require('path');
const {
  profiledScript,
  jitNames,
  perfRecord,
  samples,
  byPart,
  printParts,
} = require('./perf-report');
const { runCppBaseline } = require('./cpp-baseline');
const { benchLocalEnv } = require('./local-env');

const OUT = path.join(__dirname, 'results', 'profiles');

async function loop(n) {
  const { startCountingFramework } = require('./framework');
  const { encode: encodeMessage } = require('../lib/messages/codec');
  const threadCpuUs = () =>
    Number(fs.readFileSync(`/proc/self/task/${process.pid}/schedstat`, 'utf8').split(' ')[0]) / 1e3;
  const framework = await startCountingFramework('mesos-napi profile launchTasks');
  const filters = { refuseSeconds: 5 };
  const resources = [{ name: 'cpus', type: 'SCALAR', scalar: { value: 1 } }];
  const task = (i) => ({
    name: 'bench',
    taskId: { value: `bench-task-${i}` },
    slaveId: { value: 'bench-agent' },
    command: { value: 'true' },
    resources,
  });
  const call = (i) =>
    framework.driver.launchTasks([{ value: `bench-offer-${i}` }], [task(i)], filters);
  const encode = (i) => encodeMessage('mesos.TaskInfo', task(i), 'tasks[0]');
  for (let i = n; i < n + 5000; i++) {
    call(i);
    encode(i);
  }
  let start = threadCpuUs();
  const encoded = [];
  for (let i = 0; i < n; i++) {
    encoded.push([
      [encodeMessage('mesos.OfferID', { value: `bench-offer-n${i}` }, 'offerIds[0]')],
      [encode(i)],
      encodeMessage('mesos.Filters', filters, 'filters'),
    ]);
  }
  const encodeUs = (threadCpuUs() - start) / n;
  await framework.waitForUpdates(5000);
  framework.resetUpdates();
  // The binding under the public class (a private field in TypeScript).
  const native = framework.driver.native;
  start = threadCpuUs();
  for (let i = 0; i < n; i++) native.launchTasks(...encoded[i]);
  const nativeUs = (threadCpuUs() - start) / n;
  await framework.waitForUpdates(n);
  framework.resetUpdates();
  start = threadCpuUs();
  for (let i = 0; i < n; i++) call(i);
  const callUs = (threadCpuUs() - start) / n;
  await framework.waitForUpdates(n);
  await framework.stop();
  console.log(JSON.stringify({ tid: process.pid, encodeUs, nativeUs, callUs }));
}

function main() {
  const n = Number(process.argv[2] || 100000);
  fs.mkdirSync(OUT, { recursive: true });
  const data = path.join(OUT, 'launch.perf.data');
  const stdout = perfRecord(
    data,
    [process.execPath, ...jitNames(path.join(OUT, 'v8.log')), __filename, '--loop', String(n)],
    { hz: 4000 },
  );
  const line = stdout.split('\n').find((l) => l.startsWith('{'));
  const { tid, encodeUs, nativeUs, callUs } = JSON.parse(line);
  const cpp = runCppBaseline(['launch-calls', n], benchLocalEnv());
  const cppUs = (call) => {
    const row = cpp.find((r) => r.call === call);
    return (row.threadCpuMs * 1000) / row.count;
  };
  console.log(`launchTasks x${n}, CPU of the calling thread per call, µs:`);
  console.log(`  TypeScript: the whole public call ${callUs.toFixed(2)}`);
  console.log(
    `  TypeScript: building and encoding the three arguments alone ${encodeUs.toFixed(2)}`,
  );
  console.log(`  TypeScript: the native call alone (bytes encoded before) ${nativeUs.toFixed(2)}`);
  console.log(`  C++: one TaskInfo reused (bench 3's floor) ${cppUs('launchTasks').toFixed(2)}`);
  console.log(
    `  C++: each message parsed from its bytes ${cppUs('launchTasks from bytes').toFixed(2)}`,
  );
  const rows = samples(data, tid);
  const split = byPart(rows);
  console.log(`The JS thread's ${split.total} samples (the whole process life), by part:`);
  printParts(split);
}

profiledScript(loop, main);
