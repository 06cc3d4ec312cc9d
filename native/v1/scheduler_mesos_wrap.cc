#include "scheduler_mesos_wrap.h"

#include <mesos/master/detector.hpp>
#include <process/process.hpp>
#include <queue>
#include <stout/strings.hpp>

#include "../bridge/event_to_js.h"
#include "../bridge/serialize.h"
#include "../scheduler/local_cluster_lease.h"

namespace mesos_napi {

namespace {

// libmesos exits the process when it cannot make a master detector of the string (a host
// that does not resolve, a file:// that cannot be read): try first. zk:// URLs are checked
// in TypeScript (a detector of one would connect to ZooKeeper).
std::optional<std::string> MasterProblem(const std::string& master) {
  if (master == "local" || strings::startsWith(master, "zk://")) return std::nullopt;
  process::initialize();
  Try<mesos::master::detector::MasterDetector*> detector =
      mesos::master::detector::MasterDetector::create(master);
  if (detector.isError()) return detector.error();
  delete detector.get();
  return std::nullopt;
}

}  // namespace

using mesos::v1::scheduler::APIResult;
using mesos::v1::scheduler::Mesos;

Napi::Function SchedulerMesosWrap::Define(Napi::Env env) {
  auto methods = LifecycleMethods();
  methods.push_back(InstanceMethod("send", &SchedulerMesosWrap::Send));
  methods.push_back(InstanceMethod("call", &SchedulerMesosWrap::Call));
  methods.push_back(InstanceMethod("reconnect", &SchedulerMesosWrap::Reconnect));
  return DefineClass(env, "V1SchedulerMesos", methods);
}

// (dispatch, master, credential | null, environment | null, localWorkDir | null)
SchedulerMesosWrap::SchedulerMesosWrap(const Napi::CallbackInfo& info) : Base(info) {
  Napi::Function dispatch = FunctionArg(info[0], "dispatch");
  std::string master = StringArg(info[1], "master");
  auto credential = OptionalMessageArg<mesos::v1::Credential>(info[2], "credential");
  if (!info[3].IsNull() && !info[3].IsUndefined()) {
    environment_ = StringMapArg(info[3], "environment");
  }
  std::optional<std::string> work_dir;
  if (!info[4].IsNull() && !info[4].IsUndefined()) work_dir = StringArg(info[4], "localWorkDir");
  // libmesos's v1 library launches its in-process cluster for "local" and shuts it down
  // when deleted, as the classic driver does: the same one-at-a-time lease.
  if (master == "local") {
    std::string holder;
    lease_ = LocalClusterLease::Take("a V1Mesos", std::move(work_dir), &holder);
    if (!lease_) {
      Napi::Error error = Napi::Error::New(
          info.Env(), "master=local: " + holder +
                          " still holds this process's in-process cluster (libmesos runs one "
                          "at a time and kills the process on a second); close it first");
      error.Set("code", Napi::String::New(info.Env(), "MESOS_NAPI_LOCAL_CLUSTER_BUSY"));
      throw error;
    }
  }
  Option<mesos::v1::Credential> option;
  if (credential) option = *credential;
  Init(info.Env(), dispatch, "V1SchedulerMesos", [&](std::shared_ptr<EventBridge> bridge) {
    if (std::optional<std::string> problem = MasterProblem(master)) {
      Napi::TypeError error = Napi::TypeError::New(info.Env(), "master: " + *problem);
      error.Set("code", Napi::String::New(info.Env(), "MESOS_NAPI_INVALID_ARGUMENT"));
      throw error;
    }
    return std::make_unique<Mesos>(
        master, mesos::ContentType::PROTOBUF,
        [bridge] { bridge->Deliver(Event("connected", {}, Delivery::kQueue)); },
        [bridge] { bridge->Deliver(Event("disconnected", {}, Delivery::kQueue)); },
        [bridge](const std::queue<mesos::v1::scheduler::Event>& events) {
          std::queue<mesos::v1::scheduler::Event> copy = events;
          for (; !copy.empty(); copy.pop()) {
            bridge->Deliver(Event("received", {Serialize(copy.front())}, Delivery::kQueue));
          }
        },
        option);
  });
}

Napi::Value SchedulerMesosWrap::Send(const Napi::CallbackInfo& info) {
  auto call = MessageArg<mesos::v1::scheduler::Call>(info[0], "call");
  if (Mesos* mesos = library()) mesos->send(call);
  return info.Env().Undefined();
}

// (call, onDone(failure: string | null, apiResult: Uint8Array | null))
Napi::Value SchedulerMesosWrap::Call(const Napi::CallbackInfo& info) {
  auto call = MessageArg<mesos::v1::scheduler::Call>(info[0], "call");
  Napi::Function callback = FunctionArg(info[1], "call(onDone)");
  Mesos* mesos = library();
  if (mesos == nullptr) {
    callback.Call({Napi::String::New(info.Env(), "closed"), info.Env().Null()});
    return info.Env().Undefined();
  }
  uint64_t id = ++next_call_;
  pending_calls_[id] = Napi::Persistent(callback);
  std::shared_ptr<EventBridge> bridge = bridge_;
  // The wrapper holds itself until OnClosed has run, and Post() runs nothing after that.
  mesos->call(call).onAny([this, bridge, id](const process::Future<APIResult>& future) {
    std::optional<std::string> result;
    std::string failure;
    if (future.isReady()) {
      result.emplace();
      future.get().SerializeToString(&*result);
    } else {
      failure = future.isFailed() ? future.failure() : "discarded by libmesos";
    }
    bridge->Post([this, id, result, failure](Napi::Env env) { Answer(env, id, result, failure); });
  });
  return info.Env().Undefined();
}

void SchedulerMesosWrap::Answer(Napi::Env env, uint64_t id,
                                const std::optional<std::string>& result,
                                const std::string& failure) {
  auto found = pending_calls_.find(id);
  if (found == pending_calls_.end()) return;
  Napi::FunctionReference callback = std::move(found->second);
  pending_calls_.erase(found);
  if (result) {
    callback.Call({env.Null(), EventArgToJs(env, Bytes{*result})});
  } else {
    callback.Call({Napi::String::New(env, failure), env.Null()});
  }
}

void SchedulerMesosWrap::OnClosed(Napi::Env env) {
  auto pending = std::move(pending_calls_);
  pending_calls_.clear();
  for (auto& [id, callback] : pending) {
    try {
      callback.Call({Napi::String::New(env, "closed before the master answered"), env.Null()});
    } catch (const Napi::Error&) {
      // The JS side's callbacks settle promises and do not throw.
    }
  }
}

Napi::Value SchedulerMesosWrap::Reconnect(const Napi::CallbackInfo& info) {
  if (Mesos* mesos = library()) mesos->reconnect();
  return info.Env().Undefined();
}

}  // namespace mesos_napi
