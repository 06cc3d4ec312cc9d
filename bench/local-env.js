'use strict';
// One environment for both sides of a bench: master=local with the same MESOS_* settings.
const fs = require('fs');
const os = require('os');
const path = require('path');
const { LOCAL_MASTER_DEFAULTS } = require('../lib');

function benchLocalEnv() {
  return {
    ...LOCAL_MASTER_DEFAULTS,
    MESOS_WORK_DIR: fs.mkdtempSync(path.join(os.tmpdir(), 'mesos-napi-bench-')),
    GLOG_minloglevel: '3',
    MESOS_QUIET: 'true',
  };
}

module.exports = { benchLocalEnv };
