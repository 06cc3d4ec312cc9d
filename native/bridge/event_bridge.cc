#include "event_bridge.h"

#include <utility>

#include "event_to_js.h"

namespace mesos_napi {

struct EventBridge::Job {
  Event event;
  std::shared_ptr<Completion> completion;  // null: nobody waits
  Task task;                               // set: an internal task, not an event
};

std::shared_ptr<EventBridge> EventBridge::Create(Napi::Env env, Napi::Function dispatch,
                                                 const char* name) {
  std::shared_ptr<EventBridge> bridge(new EventBridge());
  bridge->js_thread_ = std::this_thread::get_id();
  bridge->tsfn_ = Tsfn::New(env, dispatch, name, 0, 1, bridge.get());
  bridge->tsfn_.Unref(env);
  bridge->env_ = env;
  // Added after the thread-safe function's own hook, so it runs first: no thread may
  // call into the thread-safe function once the environment has freed it.
  bridge->teardown_holder_ = new std::shared_ptr<EventBridge>(bridge);
  napi_add_env_cleanup_hook(env, OnEnvTeardown, bridge->teardown_holder_);
  return bridge;
}

void EventBridge::OnEnvTeardown(void* holder) {
  auto* bridge = static_cast<std::shared_ptr<EventBridge>*>(holder);
  (*bridge)->teardown_holder_ = nullptr;
  (*bridge)->Close();
  delete bridge;
}

void EventBridge::Deliver(Event event) {
  const bool wait = event.wait && !OnJsThread();
  // One event at a time across every delivering thread: the next waits its turn here.
  std::unique_lock<std::mutex> turn(delivery_, std::defer_lock);
  if (wait) turn.lock();
  auto completion = wait ? std::make_shared<Completion>() : nullptr;
  if (wait) {
    std::lock_guard<std::mutex> lock(mutex_);
    if (closed_) return;
    waiting_.insert(completion);
  }
  auto* job = new Job{std::move(event), completion, nullptr};
  if (Enqueue(job, !OnJsThread()) && completion) completion->Wait();
  if (!completion) return;
  std::lock_guard<std::mutex> lock(mutex_);
  waiting_.erase(completion);
}

bool EventBridge::Post(Task task) {
  auto* job = new Job{Event{nullptr, {}}, nullptr, std::move(task)};
  return Enqueue(job, !OnJsThread());
}

bool EventBridge::Enqueue(Job* job, bool blocking) {
  // The queue is unbounded, so neither call blocks; holding the lock across it keeps
  // Close() and Release() from freeing the thread-safe function under a caller.
  std::lock_guard<std::mutex> lock(mutex_);
  if (closed_ || released_) {
    delete job;
    return false;
  }
  napi_status status = blocking ? tsfn_.BlockingCall(job) : tsfn_.NonBlockingCall(job);
  if (status != napi_ok) {
    delete job;
    return false;
  }
  return true;
}

void EventBridge::CallJs(Napi::Env env, Napi::Function dispatch, EventBridge* bridge,
                         Job* job) {
  std::unique_ptr<Job> owned(job);
  if (env == nullptr) {
    if (job->completion) bridge->Finish(job->completion);
    return;
  }
  if (job->task) {
    try {
      job->task(env);
    } catch (const Napi::Error& error) {
      napi_fatal_exception(env, error.Value());
    }
    return;
  }
  bridge->RunEvent(env, dispatch, *job);
}

void EventBridge::RunEvent(Napi::Env env, Napi::Function dispatch, Job& job) {
  std::shared_ptr<Completion> completion = job.completion;
  Napi::Value result;
  try {
    std::vector<napi_value> args = EventToDispatchArgs(env, job.event);
    result = dispatch.Call(args);
  } catch (const Napi::Error& error) {
    if (completion) Finish(completion);
    napi_fatal_exception(env, error.Value());
    return;
  }
  if (!completion) return;
  if (result.IsObject() || result.IsFunction()) {
    Napi::Value then = result.As<Napi::Object>().Get("then");
    if (then.IsFunction()) {
      std::weak_ptr<EventBridge> weak = weak_from_this();
      auto settled = Napi::Function::New(env, [weak, completion](const Napi::CallbackInfo&) {
        if (auto bridge = weak.lock()) bridge->Finish(completion);
      });
      then.As<Napi::Function>().Call(result, {settled, settled});
      return;
    }
  }
  Finish(completion);
}

void EventBridge::Finish(const std::shared_ptr<Completion>& completion) {
  completion->Signal();
}

void EventBridge::Ref(Napi::Env env) { tsfn_.Ref(env); }

void EventBridge::Unref(Napi::Env env) { tsfn_.Unref(env); }

void EventBridge::Release() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    if (released_ || closed_) return;
    released_ = true;
    tsfn_.Release();
  }
  if (teardown_holder_ != nullptr) {
    auto* holder = teardown_holder_;
    teardown_holder_ = nullptr;
    napi_remove_env_cleanup_hook(env_, OnEnvTeardown, holder);
    delete holder;
  }
}

void EventBridge::Close() {
  std::set<std::shared_ptr<Completion>> waiting;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    closed_ = true;
    waiting.swap(waiting_);
  }
  for (const auto& completion : waiting) completion->Signal();
}

}  // namespace mesos_napi
