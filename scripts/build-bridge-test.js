#!/usr/bin/env node
'use strict';
// Builds the test-only addon (mesos_napi_bridge_test): the thread bridge with no Mesos.
const { cmakeJs } = require('./cmake-js');

if (require.main === module) {
  process.exitCode = cmakeJs(['build', '--target', 'mesos_napi_bridge_test']) ? 0 : 1;
}
