'use strict';
// Runs the C++ framework (bench/cpp/driver_bench.cpp, target driver_bench) on the same
// libmesos and collects the JSON lines it prints.
const { spawnSync } = require('child_process');
const fs = require('fs');
const path = require('path');
const { cmakeJs } = require('../scripts/cmake-js');

const binary = path.join(__dirname, '..', 'build', 'driver_bench');

function buildCppBaseline() {
  if (!cmakeJs(['build', '--target', 'driver_bench']))
    throw new Error('driver_bench did not build');
  if (!fs.existsSync(binary)) throw new Error(`driver_bench not found at ${binary}`);
}

// stderr 'inherit': the framework's progress lines show as it runs (and not in the error).
function runCppBaseline(args, env, master = 'local', timeoutMs = 15 * 60 * 1000, stderr = 'pipe') {
  const result = spawnSync(binary, [master, ...args.map(String)], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', stderr],
    env: { ...process.env, ...env },
    timeout: timeoutMs,
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.status !== 0) {
    const how =
      result.error?.code === 'ETIMEDOUT'
        ? `timed out after ${timeoutMs / 60000} min`
        : (result.status ?? result.signal);
    throw new Error(
      `driver_bench ${args.join(' ')} failed (${how}): ${(result.stderr ?? '(above)').slice(-2000)}`,
    );
  }
  return result.stdout
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line));
}

module.exports = { buildCppBaseline, runCppBaseline };
