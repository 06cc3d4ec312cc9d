#pragma once

#include <mesos/mesos.hpp>
#include <napi.h>

#include <memory>
#include <thread>
#include <vector>

#include "../addon/addon_data.h"
#include "../bridge/event_bridge.h"
#include "message_args.h"

namespace mesos_napi {

// What both native drivers share: the bridge, and a lifecycle in which libmesos's
// blocking calls (join, the destructor) run on threads of their own, never on the JS
// thread. Once started, the wrapper holds itself and keeps the event loop alive until
// libmesos's driver has stopped and been deleted; then every join/destroy callback runs.
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
    if (driver_) {
      auto* driver = driver_.release();
      auto* forwarder = forwarder_.release();
      addon_->Reap([driver, forwarder] {
        delete driver;
        delete forwarder;
      });
    }
    if (bridge_ && !deleted_) bridge_->Release();
  }

  void Teardown() override {
    if (torn_down_) return;
    torn_down_ = true;
    bridge_->Close();
    if (driver_) driver_->abort();
    if (joiner_.joinable()) joiner_.join();
    driver_.reset();
    forwarder_.reset();
    if (deleter_.joinable()) deleter_.join();
  }

 protected:
  using Base = DriverWrap<Derived, MesosDriver, Forwarder>;

  static std::vector<Napi::ClassPropertyDescriptor<Derived>> LifecycleMethods() {
    return {Base::InstanceMethod("start", &Base::Start),
            Base::InstanceMethod("abort", &Base::Abort),
            Base::InstanceMethod("join", &Base::Join),
            Base::InstanceMethod("destroy", &Base::Destroy)};
  }

  explicit DriverWrap(const Napi::CallbackInfo& info)
      : Napi::ObjectWrap<Derived>(info), addon_(AddonData::From(info.Env())) {}

  // Called by the derived constructor once every argument has been checked.
  template <typename MakeForwarder, typename MakeDriver>
  void Init(Napi::Env env, Napi::Function dispatch, const char* name, MakeForwarder forwarder,
            MakeDriver driver) {
    bridge_ = EventBridge::Create(env, dispatch, name);
    forwarder_ = forwarder(bridge_);
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

  std::unique_ptr<MesosDriver> driver_;

 private:
  Napi::Value Start(const Napi::CallbackInfo& info) {
    if (!driver_) return StatusValue(info.Env(), final_status_);
    mesos::Status status = driver_->start();
    if (!started_) {
      started_ = true;
      Hold(info.Env());
      MesosDriver* driver = driver_.get();
      std::shared_ptr<EventBridge> bridge = bridge_;
      joiner_ = std::thread([this, driver, bridge] {
        mesos::Status joined = driver->join();
        bridge->Post([this, joined](Napi::Env env) { OnJoined(env, joined); });
      });
    }
    return StatusValue(info.Env(), status);
  }

  Napi::Value Abort(const Napi::CallbackInfo& info) {
    return WithDriver(info, [](MesosDriver& driver) { return driver.abort(); });
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
      driver_->abort();
    }
    return info.Env().Undefined();
  }

  void Hold(Napi::Env env) {
    if (held_) return;
    held_ = true;
    bridge_->Ref(env);
    self_ = Napi::Persistent(this->Value());
    addon_->Add(this);
  }

  void OnJoined(Napi::Env env, mesos::Status status) {
    if (torn_down_) return;
    final_status_ = status;
    joiner_.join();
    BeginDelete(env);
  }

  void BeginDelete(Napi::Env env) {
    if (deleting_) return;
    deleting_ = true;
    Hold(env);
    MesosDriver* driver = driver_.release();
    Forwarder* forwarder = forwarder_.release();
    std::shared_ptr<EventBridge> bridge = bridge_;
    deleter_ = std::thread([this, driver, forwarder, bridge] {
      delete driver;  // waits for libmesos's own threads
      delete forwarder;
      bridge->Post([this](Napi::Env env) { OnDeleted(env); });
    });
  }

  void OnDeleted(Napi::Env env) {
    if (torn_down_) return;
    deleter_.join();
    deleted_ = true;
    addon_->Remove(this);
    bridge_->Release();
    auto joins = std::move(join_callbacks_);
    auto destroys = std::move(destroy_callbacks_);
    Napi::Value status = StatusValue(env, final_status_);
    for (auto& callback : joins) callback.Call({status});
    for (auto& callback : destroys) callback.Call({status});
    self_.Reset();
  }

  static void Defer(Napi::Env env, Napi::Function callback, mesos::Status status) {
    Napi::Function bound = callback.Get("bind").As<Napi::Function>().Call(
        callback, {env.Null(), Napi::Number::New(env, static_cast<int>(status))})
                               .As<Napi::Function>();
    env.Global().Get("queueMicrotask").As<Napi::Function>().Call({bound});
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
  bool held_ = false;
  bool deleting_ = false;
  bool deleted_ = false;
  bool torn_down_ = false;
};

}  // namespace mesos_napi
