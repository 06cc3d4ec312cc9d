'use strict';
// In a git checkout lib/ is not committed: compile the TypeScript once so the build
// scripts can use the same discovery as the library.
const { spawnSync } = require('child_process');
const fs = require('fs');
const path = require('path');

const root = path.resolve(__dirname, '..');

function ensureLib() {
  if (fs.existsSync(path.join(root, 'lib', 'discovery', 'index.js'))) return;
  let tsc;
  try {
    tsc = require.resolve('typescript/bin/tsc', { paths: [root] });
  } catch {
    throw new Error('mesos-napi: lib/ is missing and TypeScript is not installed to compile it');
  }
  const result = spawnSync(process.execPath, [tsc, '-p', path.join(root, 'tsconfig.build.json')], {
    stdio: 'inherit',
  });
  if (result.status !== 0) throw new Error('mesos-napi: compiling lib/ failed');
}

module.exports = { ensureLib, root };
