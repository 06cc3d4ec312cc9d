#include "znode_probe.h"

#include <chrono>
#include <mesos/zookeeper/zookeeper.hpp>
#include <process/pid.hpp>
#include <stout/duration.hpp>
#include <string>
#include <thread>
#include <vector>

#include "../addon/value_args.h"
#include "../addon/zookeeper_servers.h"

namespace mesos_napi {

namespace {

class IgnoringWatcher : public Watcher {
 public:
  void process(int, int, int64_t, const std::string&) override {}
};

class ZnodeProbe : public Napi::AsyncWorker {
 public:
  ZnodeProbe(Napi::Env env, std::string servers, int64_t timeout_ms, std::string znode,
             Option<zookeeper::Authentication> auth)
      : Napi::AsyncWorker(env),
        deferred_(Napi::Promise::Deferred::New(env)),
        servers_(std::move(servers)),
        timeout_ms_(timeout_ms),
        znode_(std::move(znode)),
        auth_(std::move(auth)) {}

  Napi::Promise Promise() { return deferred_.Promise(); }

  void Execute() override {
    if (std::optional<std::string> problem = UnresolvedServer(servers_)) {
      SetError(*problem);
      return;
    }
    IgnoringWatcher watcher;
    ZooKeeper zk(servers_, Milliseconds(timeout_ms_), &watcher);
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeout_ms_);
    while (zk.getState() != ZOO_CONNECTED_STATE) {
      if (std::chrono::steady_clock::now() > deadline) return;
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    if (auth_.isSome() && zk.authenticate(auth_->scheme, auth_->credentials) != ZOK) return;
    std::vector<std::string> children;
    const int code = zk.getChildren(znode_, false, &children);
    if (code == ZNOAUTH) {
      problem_ = znode_ + " may not be read with " +
                 (auth_.isSome() ? "these credentials" : "no credentials") +
                 ": libmesos would end the process (Failed to participate in ZooKeeper group)";
      return;
    }
    if (code != ZOK) return;
    for (const std::string& child : children) {
      std::string data;
      if (zk.get(znode_ + "/" + child, false, &data, nullptr) != ZOK) continue;
      if (!process::UPID(data)) {
        problem_ = znode_ + " has a member (" + child +
                   ") that is not a Log replica, such as a LeaderElection's: libmesos would " +
                   "abort the process";
        return;
      }
    }
  }

  void OnOK() override {
    Napi::Env env = Env();
    deferred_.Resolve(problem_.empty() ? env.Null() : Napi::String::New(env, problem_));
  }

  void OnError(const Napi::Error& error) override { deferred_.Reject(error.Value()); }

 private:
  Napi::Promise::Deferred deferred_;
  std::string servers_;
  int64_t timeout_ms_;
  std::string znode_;
  Option<zookeeper::Authentication> auth_;
  std::string problem_;
};

}  // namespace

Napi::Value ProbeLogZnode(const Napi::CallbackInfo& info) {
  const std::string servers = StringArg(info[0], "servers");
  const Duration timeout = MillisecondsArg(info[1], "timeout");
  const std::string znode = StringArg(info[2], "znode");
  Option<zookeeper::Authentication> auth = AuthenticationArgs(info[3], info[4]);
  auto* probe = new ZnodeProbe(info.Env(), servers, static_cast<int64_t>(timeout.ms()), znode,
                               std::move(auth));
  Napi::Promise promise = probe->Promise();
  probe->Queue();
  return promise;
}

}  // namespace mesos_napi
