#include "log_wrap.h"

#include <process/pid.hpp>
#include <set>
#include <string>

#include "../addon/constructors.h"
#include "../addon/value_args.h"

namespace mesos_napi {

using mesos::log::Log;

Napi::Function LogWrap::Define(Napi::Env env) {
  Napi::Function constructor = DefineClass(env, "Log", {});
  RememberConstructor(env, "Log", constructor);
  return constructor;
}

std::shared_ptr<Log> LogWrap::From(Napi::Value value, const char* what) {
  if (!IsInstanceOf(value, "Log")) {
    throw Napi::TypeError::New(value.Env(), std::string(what) + ": expected a Log");
  }
  return Unwrap(value.As<Napi::Object>())->log_;
}

LogWrap::LogWrap(const Napi::CallbackInfo& info)
    : Napi::ObjectWrap<LogWrap>(info), addon_(AddonData::From(info.Env())) {
  Napi::Env env = info.Env();
  const int quorum = static_cast<int>(Uint32Arg(info[0], "quorum"));
  const std::string path = StringArg(info[1], "path");
  const bool autoInitialize = info[8].ToBoolean();
  if (info[2].IsArray()) {
    Napi::Array array = info[2].As<Napi::Array>();
    std::set<process::UPID> pids;
    for (uint32_t i = 0; i < array.Length(); i++) {
      const std::string text = StringArg(array.Get(i), "pids[]");
      process::UPID pid(text);
      if (!pid) throw Napi::TypeError::New(env, "pids: '" + text + "' is not a libprocess PID");
      pids.insert(pid);
    }
    log_ = std::make_shared<Log>(quorum, path, pids, autoInitialize);
  } else {
    const std::string servers = StringArg(info[3], "servers");
    const Duration timeout = MillisecondsArg(info[4], "timeout");
    const std::string znode = StringArg(info[5], "znode");
    log_ = std::make_shared<Log>(quorum, path, servers, timeout, znode,
                                 AuthenticationArgs(info[6], info[7]), autoInitialize);
  }
}

LogWrap::~LogWrap() {
  std::shared_ptr<void> log = std::move(log_);
  addon_->RunOffThread([log]() mutable { log.reset(); });
}

uint64_t PositionValue(const Log::Position& position) {
  const std::string identity = position.identity();
  uint64_t value = 0;
  for (char byte : identity) value = (value << 8) | static_cast<uint8_t>(byte);
  return value;
}

Log::Position PositionArg(Log& log, Napi::Value value, const char* name) {
  bool lossless = false;
  uint64_t number = value.IsBigInt() ? value.As<Napi::BigInt>().Uint64Value(&lossless) : 0;
  if (!lossless) {
    throw Napi::TypeError::New(value.Env(),
                               std::string(name) + ": expected a bigint from 0 to 2^64 - 1");
  }
  std::string identity(8, '\0');
  for (int i = 7; i >= 0; i--, number >>= 8) identity[i] = static_cast<char>(number & 0xff);
  return log.position(identity);
}

}  // namespace mesos_napi
