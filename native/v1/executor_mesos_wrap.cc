#include "executor_mesos_wrap.h"

#include <mutex>
#include <queue>

#include "../addon/process_environment.h"
#include "../bridge/serialize.h"
#include "../executor/agent_pid.h"

namespace mesos_napi {

using mesos::v1::executor::Mesos;

Napi::Function ExecutorMesosWrap::Define(Napi::Env env) {
  auto methods = LifecycleMethods();
  methods.push_back(InstanceMethod("send", &ExecutorMesosWrap::Send));
  return DefineClass(env, "V1ExecutorMesos", methods);
}

// (dispatch, environment)
ExecutorMesosWrap::ExecutorMesosWrap(const Napi::CallbackInfo& info) : Base(info) {
  Napi::Function dispatch = FunctionArg(info[0], "dispatch");
  std::map<std::string, std::string> environment = StringMapArg(info[1], "environment");
  CheckAgentPid(info.Env(), environment);
  Init(info.Env(), dispatch, "V1ExecutorMesos", [&](std::shared_ptr<EventBridge> bridge) {
    // libmesos erases MESOS_EXECUTOR_AUTHENTICATION_TOKEN from the real environment while
    // it constructs (os::eraseenv, src/executor/executor.cpp): the variables after it move
    // under a thread reading the environment.
    std::lock_guard<std::mutex> lock(ProcessEnvironmentMutex());
    return std::make_unique<Mesos>(
        mesos::ContentType::PROTOBUF,
        [bridge] { bridge->Deliver(Event("connected", {}, Delivery::kQueue)); },
        [bridge] { bridge->Deliver(Event("disconnected", {}, Delivery::kQueue)); },
        [bridge](const std::queue<mesos::v1::executor::Event>& events) {
          std::queue<mesos::v1::executor::Event> copy = events;
          for (; !copy.empty(); copy.pop()) {
            bridge->Deliver(Event("received", {Serialize(copy.front())}, Delivery::kQueue));
          }
        },
        environment);
  });
}

Napi::Value ExecutorMesosWrap::Send(const Napi::CallbackInfo& info) {
  auto call = MessageArg<mesos::v1::executor::Call>(info[0], "call");
  if (Mesos* mesos = library()) mesos->send(call);
  return info.Env().Undefined();
}

}  // namespace mesos_napi
