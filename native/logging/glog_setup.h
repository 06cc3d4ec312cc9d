#pragma once

#include <string>

namespace mesos_napi {

// What the application asked of glog (src/logging resolves it from setLogLevel(),
// MESOS_NAPI_LOG_LEVEL and the MESOS_* / GLOG_* variables).
struct GlogConfig {
  int min_severity = 1;  // google::INFO (0) .. google::ERROR (2); 4: off (FATAL only)
  int verbose = 0;       // FLAGS_v, for VLOG(n)
  std::string log_dir;   // empty: no log files
  bool routed = false;   // records go to JavaScript; stderr gets FATAL only
};

// Once per process, before libmesos initializes glog itself: runs libmesos's own
// logging::initialize() without flags, so that the MESOS_* logging flags a driver loads
// later can no longer reset glog's flags (libmesos initializes logging once per process).
// Returns whether it did (every call returns the first one's answer): false when this
// libmesos has no such function, or glog was already initialized.
bool InitializeGlogOnce();

// Any thread. Sets glog's flags for config.
void ApplyGlogConfig(const GlogConfig& config);

}  // namespace mesos_napi
