#include "executor_driver_wrap.h"

#include "agent_pid.h"

namespace mesos_napi {

using mesos::MesosExecutorDriver;

Napi::Function ExecutorDriverWrap::Define(Napi::Env env) {
  auto methods = LifecycleMethods();
  methods.push_back(InstanceMethod("stop", &ExecutorDriverWrap::Stop));
  methods.push_back(InstanceMethod("sendStatusUpdate", &ExecutorDriverWrap::SendStatusUpdate));
  methods.push_back(
      InstanceMethod("sendFrameworkMessage", &ExecutorDriverWrap::SendFrameworkMessage));
  return DefineClass(env, "ExecutorDriver", methods);
}

// (dispatch, environment | null)
ExecutorDriverWrap::ExecutorDriverWrap(const Napi::CallbackInfo& info) : Base(info) {
  Napi::Function dispatch = FunctionArg(info[0], "dispatch");
  std::optional<std::map<std::string, std::string>> environment;
  if (!info[1].IsNull() && !info[1].IsUndefined()) {
    environment = StringMapArg(info[1], "environment");
    CheckAgentPid(info.Env(), *environment);
  }
  auto forwarder = [](std::shared_ptr<EventBridge> bridge) {
    return std::make_unique<ForwardingExecutor>(std::move(bridge));
  };
  Init(info.Env(), dispatch, "MesosExecutorDriver", forwarder, [&](ForwardingExecutor* executor) {
    if (environment) return std::make_unique<MesosExecutorDriver>(executor, *environment);
    return std::make_unique<MesosExecutorDriver>(executor);
  });
}

Napi::Value ExecutorDriverWrap::Stop(const Napi::CallbackInfo& info) {
  return StopIfLaunched(info, [](MesosExecutorDriver& driver) { return driver.stop(); });
}

Napi::Value ExecutorDriverWrap::SendStatusUpdate(const Napi::CallbackInfo& info) {
  auto status = MessageArg<mesos::TaskStatus>(info[0], "status");
  return WithDriver(info,
                    [&](MesosExecutorDriver& driver) { return driver.sendStatusUpdate(status); });
}

Napi::Value ExecutorDriverWrap::SendFrameworkMessage(const Napi::CallbackInfo& info) {
  std::string data = BytesArg(info[0], "data");
  return WithDriver(info,
                    [&](MesosExecutorDriver& driver) { return driver.sendFrameworkMessage(data); });
}

}  // namespace mesos_napi
