'use strict';
// Runs one program in its own child process (its own process group: libmesos's executor
// suicide is killpg(0)), against real libmesos, with its own TMPDIR; kills it after
// timeoutMs; then collects what it left behind. Returns the raw facts for checks.js.
const { spawn } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { leftoverProcesses, killAll, leftoverLocalDirectories } = require('./leftovers');

const FIXTURE = path.join(__dirname, 'fixture.js');

// Where this library finds Mesos, kept; every other MESOS_ variable is a libmesos flag.
const DISCOVERY = /^MESOS_(HOME|NATIVE_JAVA_LIBRARY|NATIVE_LIBRARY|NAPI_)/;

/**
 * The child's environment: none of this process's libmesos flags or GLOG_ settings;
 * libmesos logs INFO to stderr with sched.cpp at verbosity 2, which logs every implicit
 * acknowledgement ("Sending ACK for status update ..."); then the program's own variables.
 */
function childEnvironment(program, tmp, master) {
  const env = Object.fromEntries(
    Object.entries(process.env).filter(
      ([name]) => !/^(MESOS_|GLOG_)/.test(name) || DISCOVERY.test(name),
    ),
  );
  return {
    ...env,
    TMPDIR: tmp,
    TZ: 'UTC',
    GLOG_vmodule: 'sched=2',
    GLOG_minloglevel: '0',
    ...(master ? { HUNT_MASTER: master } : {}),
    ...program.env,
  };
}

/**
 * options: timeoutMs (then SIGKILL to the process group), master (the separate master's
 * host:port), graceMs (how long leftover processes get to exit by themselves).
 */
async function runProgram(program, options = {}) {
  const timeoutMs = options.timeoutMs ?? 60_000;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lifecycle-hunt-'));
  const tmp = path.join(dir, 'tmp');
  fs.mkdirSync(tmp);
  const outFile = path.join(dir, 'output.log');
  const out = fs.openSync(outFile, 'a');
  const started = Date.now();
  const child = spawn(process.execPath, ['--expose-gc', FIXTURE, JSON.stringify(program)], {
    detached: true,
    stdio: ['ignore', out, out],
    env: childEnvironment(program, tmp, options.master),
  });
  fs.closeSync(out);
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    try {
      process.kill(-child.pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }, timeoutMs);
  const { code, signal } = await new Promise((resolve) => {
    child.on('exit', (exitCode, exitSignal) => resolve({ code: exitCode, signal: exitSignal }));
    child.on('error', (error) => resolve({ code: null, signal: null, error }));
  });
  clearTimeout(timer);
  const durationMs = Date.now() - started;
  // After a hang or a crash leftovers are not reported (see checks.js), only cleaned up.
  const graceMs = timedOut || signal ? 1000 : (options.graceMs ?? 15_000);
  const processes = await leftoverProcesses(dir, graceMs);
  killAll(processes);
  const directories = leftoverLocalDirectories(tmp);
  const output = fs.readFileSync(outFile, 'latin1');
  fs.rmSync(dir, { recursive: true, force: true });
  return { code, signal, timedOut, timeoutMs, durationMs, output, processes, directories };
}

module.exports = { runProgram };
