#!/usr/bin/env node
'use strict';
// Builds the addon against the Mesos that discovery finds, and records which one.
// --force: fail when there is no Mesos (npm run build:native); otherwise say so and succeed.
const path = require('path');
const { ensureLib, root } = require('./ensure-lib');
const { cmakeJs } = require('./cmake-js');
const { annotateTypes } = require('./annotate-types');

function buildNative({ force }) {
  ensureLib();
  const {
    findMesos,
    describeDiscovery,
    notFoundParagraph,
    writeBuildRecord,
  } = require('../lib/discovery');
  const discovery = findMesos();
  const { install } = discovery;
  if (!install) {
    // npm shows an install script's output only when it fails: say it on stderr when the
    // build was asked for (npx mesos-napi build, npm run build:native).
    (force ? console.error : console.log)(notFoundParagraph(discovery));
    return force ? 1 : 0;
  }
  if (install.protobuf.problem) {
    console.error(
      `mesos-napi: cannot build the addon against Mesos ${install.version} at ${install.prefix}:`,
    );
    console.error(`  ${install.protobuf.problem}`);
    console.error(describeDiscovery(discovery));
    return 1;
  }
  annotateTypes();
  console.log(
    `mesos-napi: building the addon against Mesos ${install.version} (${install.prefix}, found by ${install.rule})`,
  );
  const defines = [
    `--CDMESOS_INCLUDE_DIRS=${[...install.includeDirs, ...(install.zookeeperIncludeDir ? [install.zookeeperIncludeDir] : [])].join(';')}`,
    `--CDMESOS_LIBRARY_DIR=${install.libraryDir}`,
    `--CDMESOS_CFLAGS=${install.cflags.join(';')}`,
  ];
  const built = cmakeJs(['configure', ...defines]) && cmakeJs(['build', '--target', 'mesos_napi']);
  if (!built) {
    console.error(
      'mesos-napi: the addon did not build; `npx mesos-napi doctor` shows what was found.',
    );
    return 1;
  }
  writeBuildRecord(install, path.join(root, 'build', 'mesos-napi-build.json'));
  return 0;
}

if (require.main === module) {
  process.exitCode = buildNative({ force: process.argv.includes('--force') });
}

module.exports = { buildNative };
