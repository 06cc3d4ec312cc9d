#include "election_wrap.h"

#include <optional>
#include <process/dispatch.hpp>
#include <process/process.hpp>
#include <string>
#include <utility>

#include "../addon/lifecycle_callbacks.h"
#include "../addon/zookeeper_clients.h"
#include "../addon/zookeeper_servers.h"
#include "../driver/message_args.h"

namespace mesos_napi {

namespace {

int32_t IntArg(const Napi::Value& value, const std::string& what) {
  if (!value.IsNumber()) throw Napi::TypeError::New(value.Env(), what + ": expected a number");
  return value.As<Napi::Number>().Int32Value();
}

void StopProcess(ElectionProcess* process) {
  process::terminate(process);
  process::wait(process);
  delete process;
}

}  // namespace

Napi::Function ElectionWrap::Define(Napi::Env env) {
  return DefineClass(env, "ZooKeeperElection",
                     {InstanceMethod("contend", &ElectionWrap::Contend),
                      InstanceMethod("withdraw", &ElectionWrap::Withdraw),
                      InstanceMethod("check", &ElectionWrap::Check),
                      InstanceMethod("close", &ElectionWrap::Close)});
}

// (dispatch, url, sessionTimeoutMs)
ElectionWrap::ElectionWrap(const Napi::CallbackInfo& info)
    : Napi::ObjectWrap<ElectionWrap>(info), addon_(AddonData::From(info.Env())) {
  Napi::Env env = info.Env();
  Napi::Function dispatch = FunctionArg(info[0], "dispatch");
  std::string url = StringArg(info[1], "url");
  int32_t timeout = IntArg(info[2], "sessionTimeoutMs");
  if (timeout <= 0) throw Napi::TypeError::New(env, "sessionTimeoutMs: expected a positive number");
  Try<zookeeper::URL> parsed = zookeeper::URL::parse(url);
  if (parsed.isError()) throw Napi::TypeError::New(env, "url: " + parsed.error());
  CheckServersResolve(env, parsed->servers);
  zookeeper_clients_ = AcquireZooKeeperClients(env, 1, "a LeaderElection");
  bridge_ = EventBridge::Create(env, dispatch, "ZooKeeperElection");
  bridge_->Hold(env);
  self_ = Napi::Persistent(Value());
  process_ = new ElectionProcess(parsed.get(), Milliseconds(timeout), bridge_);
  process::spawn(process_);
  addon_->Add(this);
}

ElectionWrap::~ElectionWrap() {
  addon_->Remove(this);
  // Only environment teardown collects an election that has not closed.
  if (!close_.closed()) Teardown();
}

void ElectionWrap::Teardown() {
  if (torn_down_ || close_.closed()) return;
  torn_down_ = true;
  if (bridge_) bridge_->Close();
  if (close_.requested()) {
    close_.Join();  // the end stops the process
  } else if (process_ != nullptr) {
    StopProcess(process_);
  }
  process_ = nullptr;
  zookeeper_clients_.reset();
}

void ElectionWrap::CheckOpen(Napi::Env env, const char* call) const {
  if (close_.requested() || torn_down_) {
    throw Napi::Error::New(env, std::string(call) + ": the election is closed");
  }
}

// (generation, data, label or null)
Napi::Value ElectionWrap::Contend(const Napi::CallbackInfo& info) {
  CheckOpen(info.Env(), "contend()");
  int32_t generation = IntArg(info[0], "generation");
  std::string data = StringArg(info[1], "data");
  Option<std::string> label;
  if (!info[2].IsNull() && !info[2].IsUndefined()) label = StringArg(info[2], "label");
  process::dispatch(process_->self(), &ElectionProcess::Contend, generation, data, label);
  return info.Env().Undefined();
}

// (generation)
Napi::Value ElectionWrap::Withdraw(const Napi::CallbackInfo& info) {
  CheckOpen(info.Env(), "withdraw()");
  int32_t generation = IntArg(info[0], "generation");
  process::dispatch(process_->self(), &ElectionProcess::Withdraw, generation);
  return info.Env().Undefined();
}

// (request)
Napi::Value ElectionWrap::Check(const Napi::CallbackInfo& info) {
  CheckOpen(info.Env(), "check()");
  int32_t request = IntArg(info[0], "request");
  process::dispatch(process_->self(), &ElectionProcess::Check, request);
  return info.Env().Undefined();
}

// (onDone)
Napi::Value ElectionWrap::Close(const Napi::CallbackInfo& info) {
  Napi::Function callback = FunctionArg(info[0], "close(onDone)");
  if (torn_down_) {
    CallSoon(info.Env(), callback);
  } else if (close_.Request(info.Env(), callback)) {
    close_.Start([process = process_, bridge = bridge_, clients = std::move(zookeeper_clients_),
                  this]() mutable {
      StopProcess(process);
      clients.reset();
      bridge->Post([this](Napi::Env) { OnClosed(); });
    });
  }
  return info.Env().Undefined();
}

void ElectionWrap::OnClosed() {
  if (torn_down_) return;
  auto callbacks = close_.Finish();
  process_ = nullptr;
  addon_->Remove(this);
  bridge_->Release();
  std::optional<Napi::Error> error = CallEach(std::move(callbacks), {});
  self_.Reset();
  if (error) throw *error;
}

}  // namespace mesos_napi
