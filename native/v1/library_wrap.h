#pragma once

#include <napi.h>

#include <functional>
#include <map>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "../addon/addon_data.h"
#include "../addon/lifecycle_callbacks.h"
#include "../addon/scoped_environment.h"
#include "../bridge/bridge_stats.h"
#include "../bridge/event_bridge.h"
#include "../driver/message_args.h"

namespace mesos_napi {

// What the native v1 objects share (mesos::v1::scheduler::Mesos and
// mesos::v1::executor::Mesos, the Library): the library runs from its construction, so the
// wrapper holds itself and keeps the event loop alive from then on. close() deletes the
// library on a thread of its own (its destructor waits for libprocess to terminate it),
// then releases the bridge and calls back on the JS thread; only then may the wrapper be
// collected. Environment teardown deletes it in place.
template <typename Derived, typename Library>
class LibraryWrap : public Napi::ObjectWrap<Derived>, public LiveDriver {
 public:
  ~LibraryWrap() override {
    addon_->Remove(this);
    // Only environment teardown collects a wrapper that was not closed.
    if (!close_.closed()) Teardown();
  }

  void Teardown() override {
    if (torn_down_) return;
    torn_down_ = true;
    if (bridge_) bridge_->Close();
    close_.Join();
    TakeRemains()();
  }

 protected:
  using Base = LibraryWrap<Derived, Library>;

  static std::vector<Napi::ClassPropertyDescriptor<Derived>> LifecycleMethods() {
    return {Base::InstanceMethod("close", &Base::Close),
            Base::InstanceMethod("bridgeStats", &Base::BridgeStats)};
  }

  explicit LibraryWrap(const Napi::CallbackInfo& info)
      : Napi::ObjectWrap<Derived>(info), addon_(AddonData::From(info.Env())) {}

  // Called by the derived constructor once every argument has been checked: make() builds
  // the library with callbacks that deliver through the bridge (they hold it, not this).
  template <typename MakeLibrary>
  void Init(Napi::Env env, Napi::Function dispatch, const char* name, MakeLibrary make) {
    bridge_ = EventBridge::Create(env, dispatch, name);
    try {
      ScopedEnvironment scope(environment_);
      library_ = make(bridge_);
    } catch (...) {
      // Else its thread-safe function (and the handle under it) lives until the
      // environment is torn down: one more for every failed construction.
      bridge_->Release();
      throw;
    }
    bridge_->Hold(env);
    self_ = Napi::Persistent(this->Value());
    addon_->Add(this);
  }

  // The library while it runs; null once close() was called.
  Library* library() { return close_.requested() ? nullptr : library_.get(); }

  // On the JS thread once the library has been deleted, before the close callbacks run.
  virtual void OnClosed(Napi::Env) {}

  // Set in the real environment while the library is constructed.
  std::map<std::string, std::string> environment_;
  // Given back right after the library has been deleted.
  std::shared_ptr<void> lease_;
  std::shared_ptr<EventBridge> bridge_;

 private:
  Napi::Value BridgeStats(const Napi::CallbackInfo& info) {
    return BridgeStatsToJs(info.Env(), bridge_);
  }

  Napi::Value Close(const Napi::CallbackInfo& info) {
    Napi::Function callback = FunctionArg(info[0], "close(onDone)");
    if (close_.Request(info.Env(), callback)) {
      close_.Start([this, remains = TakeRemains(), bridge = bridge_] {
        remains();
        bridge->Post([this](Napi::Env env) { Closed(env); });
      });
    }
    return info.Env().Undefined();
  }

  std::function<void()> TakeRemains() {
    return [library = library_.release(), lease = std::move(lease_)]() mutable {
      delete library;
      lease.reset();
    };
  }

  void Closed(Napi::Env env) {
    if (torn_down_) return;
    auto callbacks = close_.Finish();
    addon_->Remove(this);
    OnClosed(env);
    bridge_->Release();
    std::optional<Napi::Error> error = CallEach(std::move(callbacks), {});
    self_.Reset();
    if (error) throw *error;
  }

  std::shared_ptr<AddonData> addon_;
  std::unique_ptr<Library> library_;
  CloseOffThread close_;
  Napi::ObjectReference self_;
  bool torn_down_ = false;
};

}  // namespace mesos_napi
