'use strict';
// Bench 4c's task: what both frameworks launch N times onto one executor (executor.js here),
// written as JSON for the TypeScript framework and as TaskInfo bytes for the C++ one, so both
// launch the same message; and the rules both follow (bench/cpp/lifecycles.cpp repeats them).
const fs = require('fs');
const path = require('path');
const { encodeMessage, executorCommand, scalar } = require('../../lib');

const EXECUTOR = { cpus: 0.1, mem: 32 };
const TASK = { cpus: 0.01, mem: 1 };
// Samples at every twentieth of N (and one at registration); progress at every tenth.
const SAMPLES = 20;

const checkpoint = (n, i) => Math.floor((n * i) / SAMPLES);

function taskTemplate() {
  return {
    name: 'lifecycle',
    taskId: { value: 'lifecycle' },
    slaveId: { value: 'set per offer' },
    resources: [scalar('cpus', TASK.cpus), scalar('mem', TASK.mem)],
    executor: {
      executorId: { value: 'bench-lifecycles' },
      name: 'bench 4c executor',
      command: executorCommand(path.join(__dirname, 'executor.js'), { nodeArgs: ['--expose-gc'] }),
      resources: [scalar('cpus', EXECUTOR.cpus), scalar('mem', EXECUTOR.mem)],
    },
  };
}

/** Writes the template as task.json and task.pb in dir; their paths. */
function writeTaskTemplate(dir) {
  const template = taskTemplate();
  const json = path.join(dir, 'task.json');
  const bytes = path.join(dir, 'task.pb');
  fs.writeFileSync(json, JSON.stringify(template));
  fs.writeFileSync(bytes, encodeMessage('mesos.TaskInfo', template, 'task'));
  return { json, bytes };
}

function scalarSum(resources, name) {
  let sum = 0;
  for (const r of resources) if (r.name === name && r.scalar) sum += r.scalar.value;
  return sum;
}

/**
 * How many tasks an offer holds, at most `remaining`: its cpus and mem less the executor's
 * (which the master takes only while the executor is not running yet; kept back every time).
 */
function tasksFitting(offer, remaining) {
  const cpus = scalarSum(offer.resources, 'cpus') - EXECUTOR.cpus;
  const mem = scalarSum(offer.resources, 'mem') - EXECUTOR.mem;
  return Math.max(
    0,
    Math.min(remaining, Math.floor((cpus + 1e-9) / TASK.cpus), Math.floor((mem + 1e-9) / TASK.mem)),
  );
}

/** A task that ends in any other state than these is counted, and launched again. */
const NOT_ENDED = new Set(['TASK_STAGING', 'TASK_STARTING', 'TASK_RUNNING']);

module.exports = { SAMPLES, checkpoint, writeTaskTemplate, tasksFitting, NOT_ENDED };
