#pragma once

#include <cstdint>
#include <map>
#include <mesos/v1/scheduler.hpp>
#include <optional>
#include <string>

#include "library_wrap.h"

namespace mesos_napi {

// V1SchedulerMesos of the native contract (src/native/binding.ts) on libmesos's
// mesos::v1::scheduler::Mesos: connected, disconnected and received (one event each)
// cross the bridge as serialized protobufs; call() answers through Post().
class SchedulerMesosWrap : public LibraryWrap<SchedulerMesosWrap, mesos::v1::scheduler::Mesos> {
 public:
  static Napi::Function Define(Napi::Env env);
  explicit SchedulerMesosWrap(const Napi::CallbackInfo& info);

 private:
  Napi::Value Send(const Napi::CallbackInfo& info);
  Napi::Value Call(const Napi::CallbackInfo& info);
  Napi::Value Reconnect(const Napi::CallbackInfo& info);

  void Answer(Napi::Env env, uint64_t id, const std::optional<std::string>& result,
              const std::string& failure);
  void OnClosed(Napi::Env env) override;

  uint64_t next_call_ = 0;
  std::map<uint64_t, Napi::FunctionReference> pending_calls_;
};

}  // namespace mesos_napi
