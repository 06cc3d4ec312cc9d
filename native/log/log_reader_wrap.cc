#include "log_reader_wrap.h"

#include <list>
#include <utility>
#include <vector>

#include "../addon/value_args.h"
#include "log_wrap.h"

namespace mesos_napi {

using mesos::log::Log;

namespace {

ValueBuilder PositionBuilder(const Log::Position& position) {
  const uint64_t value = PositionValue(position);
  return [value](Napi::Env env) -> Napi::Value { return Napi::BigInt::New(env, value); };
}

}  // namespace

Napi::Function LogReaderWrap::Define(Napi::Env env) {
  return DefineClass(env, "LogReader",
                     {InstanceMethod("read", &LogReaderWrap::Read),
                      InstanceMethod("beginning", &LogReaderWrap::Beginning),
                      InstanceMethod("ending", &LogReaderWrap::Ending),
                      InstanceMethod("catchup", &LogReaderWrap::Catchup)});
}

LogReaderWrap::LogReaderWrap(const Napi::CallbackInfo& info)
    : AsyncWrap<LogReaderWrap>(info), core_(std::make_shared<Core>()) {
  core_->log = LogWrap::From(info[0], "log");
  core_->reader.reset(new Log::Reader(core_->log.get()));
  InitBridge(info.Env(), "mesos-napi Log.Reader");
}

LogReaderWrap::~LogReaderWrap() { DeleteOffThread(std::move(core_)); }

Napi::Value LogReaderWrap::Read(const Napi::CallbackInfo& info) {
  Log::Position from = PositionArg(*core_->log, info[0], "from");
  Log::Position to = PositionArg(*core_->log, info[1], "to");
  Option<Duration> timeout = OptionalMillisecondsArg(info[2], "timeout");
  return Settle<std::list<Log::Entry>>(
      info.Env(), core_->reader->read(from, to),
      [](const std::list<Log::Entry>& entries) {
        std::vector<std::pair<uint64_t, std::string>> copied;
        for (const Log::Entry& entry : entries) {
          copied.emplace_back(PositionValue(entry.position), entry.data);
        }
        return ValueBuilder([copied](Napi::Env env) -> Napi::Value {
          Napi::Array array = Napi::Array::New(env, copied.size());
          for (uint32_t i = 0; i < copied.size(); i++) {
            Napi::Object entry = Napi::Object::New(env);
            entry.Set("position", Napi::BigInt::New(env, copied[i].first));
            entry.Set("data", Napi::Buffer<char>::Copy(env, copied[i].second.data(),
                                                       copied[i].second.size()));
            array.Set(i, entry);
          }
          return array;
        });
      },
      timeout);
}

Napi::Value LogReaderWrap::Beginning(const Napi::CallbackInfo& info) {
  return Settle<Log::Position>(info.Env(), core_->reader->beginning(), PositionBuilder,
                               OptionalMillisecondsArg(info[0], "timeout"));
}

Napi::Value LogReaderWrap::Ending(const Napi::CallbackInfo& info) {
  return Settle<Log::Position>(info.Env(), core_->reader->ending(), PositionBuilder,
                               OptionalMillisecondsArg(info[0], "timeout"));
}

Napi::Value LogReaderWrap::Catchup(const Napi::CallbackInfo& info) {
  return Settle<Log::Position>(info.Env(), core_->reader->catchup(), PositionBuilder,
                               OptionalMillisecondsArg(info[0], "timeout"));
}

}  // namespace mesos_napi
