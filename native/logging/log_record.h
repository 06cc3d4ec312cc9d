#pragma once

#include <cstdint>
#include <string>

namespace mesos_napi {

// One glog message, copied on the thread that logged it.
struct LogRecord {
  int severity;      // google::INFO (0) .. google::FATAL (3)
  double time_ms;    // since the epoch, when it was logged
  std::string file;  // base name, as glog prints it
  int line;
  int64_t thread;       // the logging thread's kernel id, as glog prints it
  std::string message;  // without glog's prefix and final newline
};

}  // namespace mesos_napi
