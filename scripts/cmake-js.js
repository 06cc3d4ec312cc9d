'use strict';
// Runs cmake-js from this package, in the package root, printing its output.
const { spawnSync } = require('child_process');
const { root } = require('./ensure-lib');

function cmakeJs(args) {
  const bin = require.resolve('cmake-js/bin/cmake-js', { paths: [root] });
  const result = spawnSync(process.execPath, [bin, ...args, '--directory', root], {
    cwd: root,
    stdio: 'inherit',
  });
  return result.status === 0;
}

module.exports = { cmakeJs };
