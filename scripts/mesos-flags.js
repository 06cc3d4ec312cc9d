#!/usr/bin/env node
'use strict';
// Prints one fact about the Mesos to build against, for CMakeLists.txt and binding.gyp:
// found | include_dirs | library_dir | libraries | cflags | rpath | version | check
const { ensureLib } = require('./ensure-lib');

ensureLib();
const { findMesos } = require('../lib/discovery');

const field = process.argv[2];
const { install } = findMesos();
const answers = {
  found: () => (install ? '1' : '0'),
  include_dirs: () =>
    install
      ? [
          ...install.includeDirs,
          ...(install.zookeeperIncludeDir ? [install.zookeeperIncludeDir] : []),
        ].join(' ')
      : '',
  library_dir: () => (install ? install.libraryDir : ''),
  libraries: () => (install ? `-L${install.libraryDir} -lmesos` : ''),
  cflags: () => (install ? install.cflags.join(' ') : ''),
  rpath: () => (install ? install.libraryDir : ''),
  version: () => (install ? install.version : ''),
  check: () => {
    if (!install) return 'Mesos not found (run `npx mesos-napi doctor`)';
    if (install.protobuf.problem) return install.protobuf.problem;
    return 'ok';
  },
};

if (!(field in answers)) {
  process.stderr.write(`usage: mesos-flags.js ${Object.keys(answers).join('|')}\n`);
  process.exit(2);
}
const answer = answers[field]();
process.stdout.write(answer + '\n');
if (field === 'check' && answer !== 'ok') {
  process.stderr.write(`mesos-napi: cannot build the addon: ${answer}\n`);
  process.exit(1);
}
