'use strict';
// One environment for both sides of a bench: master=local with the same MESOS_* settings.
const fs = require('fs');
const os = require('os');
const path = require('path');

function benchLocalEnv() {
  return {
    MESOS_WORK_DIR: fs.mkdtempSync(path.join(os.tmpdir(), 'mesos-napi-bench-')),
    MESOS_LAUNCHER: 'posix',
    MESOS_ISOLATION: 'posix/cpu,posix/mem',
    MESOS_SYSTEMD_ENABLE_SUPPORT: 'false',
    MESOS_CONTAINERIZERS: 'mesos',
    GLOG_minloglevel: '3',
    MESOS_QUIET: 'true',
  };
}

module.exports = { benchLocalEnv };
