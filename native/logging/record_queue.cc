#include "record_queue.h"

#include <utility>

namespace mesos_napi {

bool RecordQueue::Push(LogRecord record) {
  std::lock_guard<std::mutex> lock(mutex_);
  const bool was_empty = records_.empty() && dropped_ == 0;
  const size_t size = record.message.size() + record.file.size();
  if (records_.size() >= max_records_ || bytes_ + size > max_bytes_) {
    ++dropped_;
  } else {
    bytes_ += size;
    records_.push_back(std::move(record));
  }
  return was_empty;
}

RecordQueue::Batch RecordQueue::Take() {
  Batch batch;
  std::lock_guard<std::mutex> lock(mutex_);
  batch.records.swap(records_);
  batch.dropped = dropped_;
  dropped_ = 0;
  bytes_ = 0;
  return batch;
}

}  // namespace mesos_napi
