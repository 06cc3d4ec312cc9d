#pragma once

#include <napi.h>

#include <functional>
#include <map>
#include <memory>
#include <mesos/mesos.hpp>
#include <optional>
#include <string>
#include <system_error>
#include <thread>
#include <utility>
#include <vector>

#include "../addon/addon_data.h"
#include "../addon/lifecycle_callbacks.h"
#include "../addon/scoped_environment.h"
#include "../bridge/bridge_stats.h"
#include "../bridge/event_bridge.h"
#include "message_args.h"

namespace mesos_napi {

// What both native drivers share: the bridge, and a lifecycle in which libmesos's
// blocking calls (join, the destructor) run on threads of their own, never on the JS
// thread. Once started, the wrapper holds itself and keeps the event loop alive until
// libmesos's driver has stopped and been deleted; then every join/destroy callback runs.
// A wrapper that was never started holds nothing and is collected like any object.
//
// Derived provides `static bool Deletable(bool launched)`: whether libmesos's driver may
// be deleted, given whether its start() ever returned DRIVER_RUNNING.
template <typename Derived, typename MesosDriver, typename Forwarder>
class DriverWrap : public Napi::ObjectWrap<Derived>, public LiveDriver {
 public:
  ~DriverWrap() override {
    addon_->Remove(this);
    if (held_ && !deleted_) {
      // Only environment teardown collects a held driver, sometimes before the hooks run.
      Teardown();
      return;
    }
    if (driver_) addon_->RunOffThread(TakeRemains());
    if (bridge_ && !deleted_) bridge_->Release();
  }

  void Teardown() override {
    if (torn_down_) return;
    torn_down_ = true;
    // Aborted first: a thread that Close() releases from a handler it waits for must find
    // the driver no longer running, or libmesos acknowledges updates no handler saw.
    if (driver_) driver_->abort();
    bridge_->Close();
    if (joiner_.joinable()) joiner_.join();
    if (driver_) TakeRemains()();
    if (deleter_.joinable()) deleter_.join();
  }

 protected:
  using Base = DriverWrap<Derived, MesosDriver, Forwarder>;

  static std::vector<Napi::ClassPropertyDescriptor<Derived>> LifecycleMethods() {
    return {Base::InstanceMethod("start", &Base::Start),
            Base::InstanceMethod("abort", &Base::Abort), Base::InstanceMethod("join", &Base::Join),
            Base::InstanceMethod("destroy", &Base::Destroy),
            Base::InstanceMethod("bridgeStats", &Base::BridgeStats)};
  }

  explicit DriverWrap(const Napi::CallbackInfo& info)
      : Napi::ObjectWrap<Derived>(info), addon_(AddonData::From(info.Env())) {}

  // Has the environment's teardown (and process.exit()) tear this driver down even if it
  // is never started.
  void TearDownWithEnvironment() { addon_->Add(this); }

  // Called by the derived constructor once every argument has been checked.
  template <typename MakeForwarder, typename MakeDriver>
  void Init(Napi::Env env, Napi::Function dispatch, const char* name, MakeForwarder forwarder,
            MakeDriver driver) {
    bridge_ = EventBridge::Create(env, dispatch, name);
    forwarder_ = forwarder(bridge_);
    ScopedEnvironment scope(environment_);
    driver_ = driver(forwarder_.get());
  }

  Napi::Value StatusValue(Napi::Env env, mesos::Status status) {
    return Napi::Number::New(env, static_cast<int>(status));
  }

  // Runs call(driver) while libmesos's driver exists, else returns the status it ended with.
  template <typename Call>
  Napi::Value WithDriver(const Napi::CallbackInfo& info, Call call) {
    if (!driver_) return StatusValue(info.Env(), final_status_);
    return StatusValue(info.Env(), call(*driver_));
  }

  // For stop and abort: once libmesos has taken either, it no longer acts on what
  // handlers return (nothing more is acknowledged), so no thread needs to wait for them.
  template <typename Call>
  Napi::Value Halt(const Napi::CallbackInfo& info, Call call) {
    if (!driver_) return StatusValue(info.Env(), final_status_);
    mesos::Status status = call(*driver_);
    if (status != mesos::DRIVER_NOT_STARTED) bridge_->StopAwaiting();
    return StatusValue(info.Env(), status);
  }

  // stop() of a driver whose start() never returned DRIVER_RUNNING (its libmesos
  // constructor or start() failed, or it never started) does not reach libmesos: there it
  // would CHECK-fail on the missing process, at once (executor) or in the next join()
  // (scheduler, whose stop() sets DRIVER_STOPPED without one). join() returns the status at
  // once: such a driver never ran.
  template <typename Call>
  Napi::Value StopIfLaunched(const Napi::CallbackInfo& info, Call stop) {
    if (!launched_) return WithDriver(info, [](MesosDriver& driver) { return driver.join(); });
    return Halt(info, stop);
  }

  std::unique_ptr<MesosDriver> driver_;
  // Given back right after libmesos's driver has been deleted.
  std::shared_ptr<void> lease_;
  // Set in the real environment while libmesos's driver is constructed and started.
  std::map<std::string, std::string> environment_;

 private:
  Napi::Value BridgeStats(const Napi::CallbackInfo& info) {
    return BridgeStatsToJs(info.Env(), bridge_);
  }

  Napi::Value Start(const Napi::CallbackInfo& info) {
    if (!driver_) return StatusValue(info.Env(), final_status_);
    mesos::Status status;
    {
      ScopedEnvironment scope(environment_);
      status = driver_->start();
    }
    if (status == mesos::DRIVER_RUNNING) launched_ = true;
    if (!started_) {
      started_ = true;
      Hold(info.Env());
      MesosDriver* driver = driver_.get();
      std::shared_ptr<EventBridge> bridge = bridge_;
      try {
        joiner_ = std::thread([this, driver, bridge] {
          mesos::Status joined = driver->join();
          bridge->Post([this, joined](Napi::Env env) { OnJoined(env, joined); });
        });
      } catch (const std::system_error& error) {
        driver_->abort();
        BeginDelete(info.Env());
        throw Napi::Error::New(info.Env(), std::string("start(): no thread to join the driver "
                                                       "on, so it was aborted: ") +
                                               error.what());
      }
    }
    return StatusValue(info.Env(), status);
  }

  Napi::Value Abort(const Napi::CallbackInfo& info) {
    return Halt(info, [](MesosDriver& driver) { return driver.abort(); });
  }

  Napi::Value Join(const Napi::CallbackInfo& info) {
    Napi::Function callback = FunctionArg(info[0], "join(onDone)");
    if (deleted_) {
      Defer(info.Env(), callback, final_status_);
    } else if (!started_ && !deleting_) {
      Defer(info.Env(), callback, driver_->join());  // not started: returns at once
    } else {
      join_callbacks_.push_back(Napi::Persistent(callback));
    }
    return info.Env().Undefined();
  }

  Napi::Value Destroy(const Napi::CallbackInfo& info) {
    Napi::Function callback = FunctionArg(info[0], "destroy(onDone)");
    if (deleted_) {
      Defer(info.Env(), callback, final_status_);
      return info.Env().Undefined();
    }
    destroy_callbacks_.push_back(Napi::Persistent(callback));
    if (!started_) {
      BeginDelete(info.Env());
    } else if (driver_ && !deleting_) {
      Halt(info, [](MesosDriver& driver) { return driver.abort(); });
    }
    return info.Env().Undefined();
  }

  void Hold(Napi::Env env) {
    if (held_) return;
    held_ = true;
    bridge_->Hold(env);
    self_ = Napi::Persistent(this->Value());
    addon_->Add(this);
  }

  void OnJoined(Napi::Env env, mesos::Status status) {
    if (torn_down_) return;
    final_status_ = status;
    joiner_.join();
    BeginDelete(env);
  }

  // What deleting libmesos's driver takes, in order: the driver (which waits for its own
  // threads), the forwarder it calls, then the lease.
  std::function<void()> TakeRemains() {
    bool deletable = Derived::Deletable(launched_);
    return [driver = driver_.release(), forwarder = forwarder_.release(), lease = std::move(lease_),
            deletable]() mutable {
      // A driver that may not be deleted was never running: nothing of it runs or calls
      // back, and it stays allocated until the process exits.
      if (deletable) delete driver;
      delete forwarder;
      lease.reset();
    };
  }

  void BeginDelete(Napi::Env env) {
    if (deleting_) return;
    deleting_ = true;
    Hold(env);
    std::shared_ptr<EventBridge> bridge = bridge_;
    auto remains = TakeRemains();
    deleter_ = RunOnOwnThread([this, remains, bridge] {
      remains();
      bridge->Post([this](Napi::Env env) { OnDeleted(env); });
    });
  }

  void OnDeleted(Napi::Env env) {
    if (torn_down_) return;
    if (deleter_.joinable()) deleter_.join();
    deleted_ = true;
    addon_->Remove(this);
    bridge_->Release();
    auto callbacks = std::move(join_callbacks_);
    for (auto& callback : destroy_callbacks_) callbacks.push_back(std::move(callback));
    destroy_callbacks_.clear();
    std::optional<Napi::Error> error =
        CallEach(std::move(callbacks), {StatusValue(env, final_status_)});
    self_.Reset();
    if (error) throw *error;
  }

  void Defer(Napi::Env env, Napi::Function callback, mesos::Status status) {
    CallSoon(env, callback, {StatusValue(env, status)});
  }

  std::shared_ptr<AddonData> addon_;
  std::shared_ptr<EventBridge> bridge_;
  std::unique_ptr<Forwarder> forwarder_;
  std::thread joiner_;
  std::thread deleter_;
  Napi::ObjectReference self_;
  std::vector<Napi::FunctionReference> join_callbacks_;
  std::vector<Napi::FunctionReference> destroy_callbacks_;
  mesos::Status final_status_ = mesos::DRIVER_NOT_STARTED;
  bool started_ = false;
  bool launched_ = false;
  bool held_ = false;
  bool deleting_ = false;
  bool deleted_ = false;
  bool torn_down_ = false;
};

}  // namespace mesos_napi
