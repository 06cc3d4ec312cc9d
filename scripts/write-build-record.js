#!/usr/bin/env node
'use strict';
// binding.gyp's last step: records which Mesos the addon was built against (as
// build-native.js does after cmake-js), for doctor and the runtime's messages.
const path = require('path');
const { ensureLib, root } = require('./ensure-lib');

ensureLib();
const { findMesos, writeBuildRecord } = require('../lib/discovery');

const { install } = findMesos();
if (!install) {
  process.stderr.write('mesos-napi: no Mesos found to record\n');
  process.exit(1);
}
writeBuildRecord(install, path.resolve(root, process.argv[2] ?? 'build/mesos-napi-build.json'));
