#pragma once

#include <napi.h>

#include <cstdint>
#include <memory>
#include <mesos/log/log.hpp>
#include <string>

#include "../addon/addon_data.h"

namespace mesos_napi {

// A mesos::log::Log: its local replica and the network of the others. Constructor
// arguments: quorum, path, pids (string[]) or null, then for ZooKeeper servers, timeout
// (ms), znode, scheme or null, credentials or null (all null with pids); autoInitialize.
// The Log is shared with the readers, writers and LogStates made over it, and deleted off
// the JS thread once the last of them is gone.
class LogWrap : public Napi::ObjectWrap<LogWrap> {
 public:
  static Napi::Function Define(Napi::Env env);
  // The Log of a LogWrap; throws a TypeError naming `what` for anything else.
  static std::shared_ptr<mesos::log::Log> From(Napi::Value value, const char* what);

  explicit LogWrap(const Napi::CallbackInfo& info);
  ~LogWrap() override;

 private:
  std::shared_ptr<AddonData> addon_;
  std::shared_ptr<mesos::log::Log> log_;
};

// Records the database of a LevelDBState: a Log refuses it as its replica's path.
void NoteLevelDBStatePath(const std::string& path);

// { deleted, onJsThread }: Logs of this process deleted so far, and of them how many on a
// JS thread (where none should be).
Napi::Value LogDeletions(const Napi::CallbackInfo& info);

// Positions cross to JavaScript as their value, a bigint (uint64), through identity().
uint64_t PositionValue(const mesos::log::Log::Position& position);
mesos::log::Log::Position PositionArg(mesos::log::Log& log, Napi::Value value, const char* name);

}  // namespace mesos_napi
