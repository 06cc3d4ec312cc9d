#pragma once

#include <napi.h>

#include <memory>
#include <mesos/log/log.hpp>

#include "../bridge/async_wrap.h"

namespace mesos_napi {

// A mesos::log::Log::Reader over a LogWrap's Log. Positions are bigints; timeouts are
// milliseconds or null (none).
class LogReaderWrap : public AsyncWrap<LogReaderWrap> {
 public:
  static Napi::Function Define(Napi::Env env);

  explicit LogReaderWrap(const Napi::CallbackInfo& info);
  ~LogReaderWrap() override;

 private:
  // Deleted in order: the reader, then (if it is the last holder) the Log.
  struct Core {
    std::shared_ptr<mesos::log::Log> log;
    std::unique_ptr<mesos::log::Log::Reader> reader;
  };

  Napi::Value Read(const Napi::CallbackInfo& info);
  Napi::Value Beginning(const Napi::CallbackInfo& info);
  Napi::Value Ending(const Napi::CallbackInfo& info);
  Napi::Value Catchup(const Napi::CallbackInfo& info);

  std::shared_ptr<Core> core_;
};

}  // namespace mesos_napi
