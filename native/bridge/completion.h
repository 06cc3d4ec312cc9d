#pragma once

#include <condition_variable>
#include <mutex>

namespace mesos_napi {

// Signalled once, by the JS thread when a handler has settled or by teardown.
class Completion {
 public:
  void Signal() {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      done_ = true;
    }
    cv_.notify_all();
  }

  void Wait() {
    std::unique_lock<std::mutex> lock(mutex_);
    cv_.wait(lock, [this] { return done_; });
  }

 private:
  std::mutex mutex_;
  std::condition_variable cv_;
  bool done_ = false;
};

}  // namespace mesos_napi
