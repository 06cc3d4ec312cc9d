#pragma once

#include <glog/logging.h>
#include <napi.h>

#include <atomic>
#include <memory>
#include <mutex>

#include "../bridge/event_bridge.h"
#include "record_queue.h"

namespace mesos_napi {

// The glog sink the addon installs: every record glog emits at or above the minimum
// severity is copied into a bounded queue, and one environment's JS receiver is called
// with what has queued, over an EventBridge. Logging threads never wait for JavaScript:
// past the queue's bounds, records are dropped and their number is passed along with the
// next batch.
class JsLogSink : public google::LogSink {
 public:
  // Records queued at most while the JS thread is busy, and their message bytes.
  static constexpr size_t kMaxRecords = 10000;
  static constexpr size_t kMaxBytes = 16 << 20;

  static JsLogSink& Instance();

  void send(google::LogSeverity severity, const char* full_filename, const char* base_filename,
            int line, const struct ::tm* tm_time, const char* message, size_t message_len) override;

  // JS thread. receiver(records, dropped) gets the records of min_severity and above
  // from now on, on this environment's thread; a receiver of another environment is
  // replaced (the same one keeps its queue and only takes the new severity).
  void Route(Napi::Env env, Napi::Function receiver, int min_severity);
  // JS thread: env's receiver, if it is the current one, gets nothing more. Returns whether
  // it was.
  bool Unroute(napi_env env);
  // Whether some environment's receiver gets the records.
  bool Routed();
  // JS thread: calls the receiver with what is queued now, if it belongs to env.
  void Drain(Napi::Env env);

 private:
  JsLogSink() : queue_(kMaxRecords, kMaxBytes) {}

  struct Receiver {
    napi_env env;
    std::shared_ptr<EventBridge> bridge;
    Napi::FunctionReference function;  // used and reset on env's thread only
  };

  void PostDrain(const std::shared_ptr<EventBridge>& bridge);
  // JS thread of calling_env: removes the receiver (only calling_env's when only_own).
  bool RemoveReceiver(napi_env calling_env, bool only_own);

  std::mutex mutex_;
  std::unique_ptr<Receiver> receiver_;
  std::atomic<int> min_severity_{google::GLOG_FATAL + 1};
  RecordQueue queue_;
};

}  // namespace mesos_napi
