#include "log_writer_wrap.h"

#include <string>
#include <utility>

#include "../addon/value_args.h"
#include "log_wrap.h"

namespace mesos_napi {

using mesos::log::Log;

namespace {

ValueBuilder OptionalPositionBuilder(const Option<Log::Position>& position) {
  if (position.isNone()) return [](Napi::Env env) -> Napi::Value { return env.Null(); };
  const uint64_t value = PositionValue(position.get());
  return [value](Napi::Env env) -> Napi::Value { return Napi::BigInt::New(env, value); };
}

}  // namespace

Napi::Function LogWriterWrap::Define(Napi::Env env) {
  return DefineClass(env, "LogWriter",
                     {InstanceMethod("start", &LogWriterWrap::Start),
                      InstanceMethod("append", &LogWriterWrap::Append),
                      InstanceMethod("truncate", &LogWriterWrap::Truncate)});
}

LogWriterWrap::LogWriterWrap(const Napi::CallbackInfo& info)
    : AsyncWrap<LogWriterWrap>(info), core_(std::make_shared<Core>()) {
  core_->log = LogWrap::From(info[0], "log");
  core_->writer.reset(new Log::Writer(core_->log.get()));
  InitBridge(info.Env(), "mesos-napi Log.Writer");
}

LogWriterWrap::~LogWriterWrap() { DeleteOffThread(std::move(core_)); }

Napi::Value LogWriterWrap::Start(const Napi::CallbackInfo& info) {
  return Settle<Option<Log::Position>>(info.Env(), core_->writer->start(), OptionalPositionBuilder,
                                       OptionalMillisecondsArg(info[0], "timeout"));
}

Napi::Value LogWriterWrap::Append(const Napi::CallbackInfo& info) {
  const std::string data = BytesArg(info[0], "data");
  return Settle<Option<Log::Position>>(info.Env(), core_->writer->append(data),
                                       OptionalPositionBuilder,
                                       OptionalMillisecondsArg(info[1], "timeout"));
}

Napi::Value LogWriterWrap::Truncate(const Napi::CallbackInfo& info) {
  Log::Position to = PositionArg(*core_->log, info[0], "to");
  return Settle<Option<Log::Position>>(info.Env(), core_->writer->truncate(to),
                                       OptionalPositionBuilder,
                                       OptionalMillisecondsArg(info[1], "timeout"));
}

}  // namespace mesos_napi
