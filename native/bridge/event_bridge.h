#pragma once

#include <napi.h>

#include <atomic>
#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <set>
#include <thread>

#include "completion.h"
#include "event.h"

namespace mesos_napi {

// Carries events from foreign threads to one JS dispatch function, in order, over a
// single thread-safe function. An event delivered with Delivery::kAwait returns from
// Deliver() only once its handler (and the promise it returned, if any) has settled, so
// libmesos acts on it only after JavaScript is done with it.
//
// The dispatch function is held weakly until Hold(): a driver that is never started can be
// collected with everything it references.
class EventBridge : public std::enable_shared_from_this<EventBridge> {
 public:
  using Task = std::function<void(Napi::Env)>;

  // JS thread.
  static std::shared_ptr<EventBridge> Create(Napi::Env env, Napi::Function dispatch,
                                             const char* name);

  // Any thread. From the JS thread itself (libmesos may call back synchronously inside
  // a driver call) the event is queued without waiting.
  void Deliver(Event event);

  // Any thread: runs task on the JS thread after every event queued before it. Returns
  // false once the bridge is closed or released (the task will not run).
  bool Post(Task task);

  // JS thread: keep the event loop and the dispatch function alive, or stop doing so.
  void Hold(Napi::Env env);
  void Unhold(Napi::Env env);
  // JS thread: nothing more will be dispatched; lets go of the thread-safe function.
  void Release();

  // Any thread: libmesos no longer acts on what handlers return (its driver was stopped
  // or aborted). Wakes every thread waiting for a handler; later events do not wait.
  void StopAwaiting();

  // Environment teardown: no JS will run again. Wakes every waiting thread; later
  // events are dropped.
  void Close();

  bool OnJsThread() const { return std::this_thread::get_id() == js_thread_; }

  // What the driver's metrics read from the bridge (any thread).
  struct Stats {
    int64_t queued;      // events delivered whose dispatch has not been called yet
    int64_t max_queued;  // the most there were at once
    uint64_t waits;      // Delivery::kAwait events a delivering thread waited for
    double wait_seconds;
    double max_wait_seconds;
  };
  Stats GetStats();

 private:
  static void OnEnvTeardown(void* holder);

  struct Job;
  static void CallJs(Napi::Env env, Napi::Function unused, EventBridge* bridge, Job* job);
  using Tsfn = Napi::TypedThreadSafeFunction<EventBridge, Job, &EventBridge::CallJs>;

  void RunEvent(Napi::Env env, Job& job);
  bool Enqueue(Job* job, bool blocking);
  void RemoveTeardownHook();

  Tsfn tsfn_;
  Napi::FunctionReference dispatch_;
  uint32_t dispatch_holds_ = 0;  // JS thread only
  napi_env env_ = nullptr;
  std::shared_ptr<EventBridge>* teardown_holder_ = nullptr;
  std::thread::id js_thread_;
  std::mutex delivery_;
  std::mutex mutex_;
  std::set<std::shared_ptr<Completion>> waiting_;
  bool awaiting_ = true;
  std::atomic<int64_t> queued_{0};
  std::atomic<int64_t> max_queued_{0};
  uint64_t waits_ = 0;  // these three under mutex_
  std::chrono::steady_clock::duration waited_{};
  std::chrono::steady_clock::duration max_waited_{};
  bool closed_ = false;
  bool released_ = false;
};

}  // namespace mesos_napi
