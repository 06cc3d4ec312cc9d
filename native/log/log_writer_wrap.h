#pragma once

#include <napi.h>

#include <memory>
#include <mesos/log/log.hpp>

#include "../bridge/async_wrap.h"

namespace mesos_napi {

// A mesos::log::Log::Writer over a LogWrap's Log. start(), append() and truncate()
// resolve with the new ending position (a bigint) or null when the writer does not hold
// (or has lost) the exclusive write promise. Timeouts are milliseconds or null (none).
class LogWriterWrap : public AsyncWrap<LogWriterWrap> {
 public:
  static Napi::Function Define(Napi::Env env);

  explicit LogWriterWrap(const Napi::CallbackInfo& info);
  ~LogWriterWrap() override;

 private:
  // Deleted in order: the writer, then (if it is the last holder) the Log.
  struct Core {
    std::shared_ptr<mesos::log::Log> log;
    std::unique_ptr<mesos::log::Log::Writer> writer;
  };

  Napi::Value Start(const Napi::CallbackInfo& info);
  Napi::Value Append(const Napi::CallbackInfo& info);
  Napi::Value Truncate(const Napi::CallbackInfo& info);

  std::shared_ptr<Core> core_;
};

}  // namespace mesos_napi
