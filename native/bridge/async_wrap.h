#pragma once

#include <napi.h>

#include <atomic>
#include <functional>
#include <memory>
#include <process/future.hpp>
#include <stout/duration.hpp>
#include <stout/none.hpp>
#include <stout/option.hpp>
#include <string>
#include <utility>

#include "../addon/addon_data.h"
#include "event_bridge.h"

namespace mesos_napi {

// Builds a result's JS value on the JS thread from data copied on libprocess's thread.
using ValueBuilder = std::function<Napi::Value(Napi::Env)>;

// How a libprocess future ended, copied on the thread that completed it.
struct Outcome {
  enum Kind { kReady, kFailed, kDiscarded, kTimedOut, kAbandoned };
  Kind kind;
  std::string message;
  ValueBuilder value;  // kReady only
};

// A wrapper whose methods return Promises settled from libprocess futures. While any is
// pending it holds the bridge (keeping the event loop alive) and itself (not collected);
// with none pending it holds neither, so an idle object never keeps the process alive.
// A future settles its promise through the bridge's Post(): after environment teardown
// (or process.exit()) the bridge is closed and nothing reaches JavaScript any more.
template <typename Derived>
class AsyncWrap : public Napi::ObjectWrap<Derived>, public LiveDriver {
 public:
  ~AsyncWrap() override {
    addon_->Remove(this);
    if (bridge_) bridge_->Release();
  }

  // Environment teardown or process.exit(): no promise will be settled any more.
  void Teardown() override {
    if (bridge_) bridge_->Close();
  }

 protected:
  explicit AsyncWrap(const Napi::CallbackInfo& info)
      : Napi::ObjectWrap<Derived>(info), addon_(AddonData::From(info.Env())) {}

  // Called by the derived constructor once its arguments have been checked.
  void InitBridge(Napi::Env env, const char* name) {
    bridge_ =
        EventBridge::Create(env, Napi::Function::New(env, [](const Napi::CallbackInfo&) {}), name);
    addon_->Add(this);
  }

  // Deletes what libmesos objects `remains` holds on the environment's reaper thread:
  // their destructors terminate and wait for libprocess processes. The reaper gets the
  // only reference this wrapper had; none is left to be released on the JS thread.
  void DeleteOffThread(std::shared_ptr<void>&& remains) {
    if (remains)
      addon_->RunOffThread([remains = std::move(remains)]() mutable { remains.reset(); });
  }

  // JS thread. A promise settled with copy(result) once the future is ready, or rejected
  // with an Error whose `kind` says how it ended ('failed', 'discarded', 'timeout',
  // 'abandoned'). A timeout discards the future, as Java's binding does.
  template <typename T>
  Napi::Value Settle(Napi::Env env, process::Future<T> future,
                     std::function<ValueBuilder(const T&)> copy,
                     const Option<Duration>& timeout = None()) {
    Napi::Promise::Deferred deferred = Napi::Promise::Deferred::New(env);
    Begin(env);
    auto timed_out = std::make_shared<std::atomic<bool>>(false);
    if (timeout.isSome()) {
      future = future.after(timeout.get(), [timed_out](const process::Future<T>& pending) {
        timed_out->store(true);
        process::Future<T>(pending).discard();
        return process::Future<T>(process::Failure("timed out"));
      });
    }
    auto settled = std::make_shared<std::atomic<bool>>(false);
    std::shared_ptr<EventBridge> bridge = bridge_;
    AsyncWrap* self = this;
    auto finish = [bridge, self, deferred, settled](Outcome outcome) {
      if (settled->exchange(true)) return;
      bridge->Post([self, deferred, outcome = std::move(outcome)](Napi::Env env) {
        self->Finish(env, deferred, outcome);
      });
    };
    future.onAny([finish, copy, timed_out](const process::Future<T>& done) {
      if (done.isReady()) {
        finish(Outcome{Outcome::kReady, "", copy(done.get())});
      } else if (timed_out->load()) {
        finish(Outcome{Outcome::kTimedOut, "timed out", nullptr});
      } else if (done.isFailed()) {
        finish(Outcome{Outcome::kFailed, done.failure(), nullptr});
      } else {
        finish(Outcome{Outcome::kDiscarded, "discarded", nullptr});
      }
    });
    future.onAbandoned([finish] {
      finish(Outcome{Outcome::kAbandoned, "abandoned: libmesos will never complete it", nullptr});
    });
    return deferred.Promise();
  }

  std::shared_ptr<AddonData> addon_;
  std::shared_ptr<EventBridge> bridge_;

 private:
  void Begin(Napi::Env env) {
    if (pending_++ > 0) return;
    bridge_->Hold(env);
    this->Ref();
  }

  void End(Napi::Env env) {
    if (--pending_ > 0) return;
    bridge_->Unhold(env);
    this->Unref();
  }

  void Finish(Napi::Env env, Napi::Promise::Deferred deferred, const Outcome& outcome) {
    End(env);
    Napi::HandleScope scope(env);
    if (outcome.kind == Outcome::kReady) {
      deferred.Resolve(outcome.value(env));
      return;
    }
    static const char* const kinds[] = {"ready", "failed", "discarded", "timeout", "abandoned"};
    Napi::Error error = Napi::Error::New(env, outcome.message);
    error.Set("kind", Napi::String::New(env, kinds[outcome.kind]));
    deferred.Reject(error.Value());
  }

  int pending_ = 0;
};

}  // namespace mesos_napi
