#!/usr/bin/env node
'use strict';
// Checks native/ against .clang-format (npm run lint); says so and passes where
// clang-format is not installed.
const { spawnSync } = require('child_process');
const fs = require('fs');
const path = require('path');

const root = path.resolve(__dirname, '..');
const sources = [];
(function walk(dir) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) walk(file);
    else if (/\.(cc|h|cpp)$/.test(entry.name)) sources.push(file);
  }
})(path.join(root, 'native'));
for (const name of fs.readdirSync(path.join(root, 'bench', 'cpp')))
  if (/\.(cpp|hpp)$/.test(name)) sources.push(path.join(root, 'bench', 'cpp', name));

const result = spawnSync('clang-format', ['--dry-run', '--Werror', ...sources], {
  encoding: 'utf8',
});
if (result.error && result.error.code === 'ENOENT') {
  console.log('skipped the C++ format check: clang-format not found');
} else if (result.status !== 0) {
  process.stderr.write(result.stderr);
  console.error('C++ sources are not formatted: run `clang-format -i` on them (.clang-format)');
  process.exitCode = 1;
}
