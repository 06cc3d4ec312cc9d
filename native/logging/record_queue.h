#pragma once

#include <cstddef>
#include <cstdint>
#include <mutex>
#include <vector>

#include "log_record.h"

namespace mesos_napi {

// Records waiting for the JS thread, bounded in count and in message bytes: a record that
// would pass either bound is dropped and counted instead. Any thread; never blocks on
// anything but its own short critical sections.
class RecordQueue {
 public:
  RecordQueue(size_t max_records, size_t max_bytes)
      : max_records_(max_records), max_bytes_(max_bytes) {}

  // Returns true when the queue was empty (the caller schedules one drain).
  bool Push(LogRecord record);

  struct Batch {
    std::vector<LogRecord> records;
    uint64_t dropped = 0;  // since the previous Take()
  };
  Batch Take();

 private:
  const size_t max_records_;
  const size_t max_bytes_;
  std::mutex mutex_;
  std::vector<LogRecord> records_;
  size_t bytes_ = 0;
  uint64_t dropped_ = 0;
};

}  // namespace mesos_napi
