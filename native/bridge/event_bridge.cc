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
  bridge->env_ = env;
  bridge->dispatch_ = Napi::Weak(dispatch);
  // The thread-safe function owns a reference to the bridge, its context, until it is
  // finalized: jobs still queued then are handed to CallJs with that context.
  auto* owner = new std::shared_ptr<EventBridge>(bridge);
  bridge->tsfn_ = Tsfn::New(
      env, name, 0, 1, bridge.get(),
      [](Napi::Env, std::shared_ptr<EventBridge>* owner, EventBridge*) { delete owner; }, owner);
  bridge->tsfn_.Unref(env);
  // Added after the thread-safe function's own hook, so it runs first: no thread may
  // call into the thread-safe function once the environment has freed it.
  bridge->teardown_holder_ = new std::shared_ptr<EventBridge>(bridge);
  if (napi_add_env_cleanup_hook(env, OnEnvTeardown, bridge->teardown_holder_) != napi_ok) {
    delete bridge->teardown_holder_;
    bridge->teardown_holder_ = nullptr;
    throw Napi::Error::New(env, "could not register the bridge's environment cleanup hook");
  }
  return bridge;
}

void EventBridge::OnEnvTeardown(void* holder) {
  auto* bridge = static_cast<std::shared_ptr<EventBridge>*>(holder);
  (*bridge)->teardown_holder_ = nullptr;
  (*bridge)->Close();
  delete bridge;
}

void EventBridge::Deliver(Event event) {
  const bool on_js_thread = OnJsThread();
  const bool await = event.delivery == Delivery::kAwait && !on_js_thread;
  // One awaited event at a time across every delivering thread: the next waits its turn.
  std::unique_lock<std::mutex> turn(delivery_, std::defer_lock);
  std::shared_ptr<Completion> completion;
  if (await) {
    turn.lock();
    std::lock_guard<std::mutex> lock(mutex_);
    if (closed_) return;
    if (awaiting_) {
      completion = std::make_shared<Completion>();
      waiting_.insert(completion);
    }
  }
  auto* job = new Job{std::move(event), completion, nullptr};
  const int64_t queued = ++queued_;
  int64_t most = max_queued_.load(std::memory_order_relaxed);
  while (queued > most && !max_queued_.compare_exchange_weak(most, queued)) {
  }
  if (!Enqueue(job, !on_js_thread)) {
    --queued_;
  } else if (completion) {
    const auto began = std::chrono::steady_clock::now();
    completion->Wait();
    const auto waited = std::chrono::steady_clock::now() - began;
    std::lock_guard<std::mutex> lock(mutex_);
    ++waits_;
    waited_ += waited;
    if (waited > max_waited_) max_waited_ = waited;
  }
  if (!completion) return;
  std::lock_guard<std::mutex> lock(mutex_);
  waiting_.erase(completion);
}

EventBridge::Stats EventBridge::GetStats() {
  using Seconds = std::chrono::duration<double>;
  std::lock_guard<std::mutex> lock(mutex_);
  return Stats{queued_.load(), max_queued_.load(), waits_,
               std::chrono::duration_cast<Seconds>(waited_).count(),
               std::chrono::duration_cast<Seconds>(max_waited_).count()};
}

bool EventBridge::Post(Task task) {
  auto* job = new Job{Event{nullptr, {}, Delivery::kQueue}, nullptr, std::move(task)};
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

void EventBridge::CallJs(Napi::Env env, Napi::Function, EventBridge* bridge, Job* job) {
  std::unique_ptr<Job> owned(job);
  if (!job->task) --bridge->queued_;
  if (env == nullptr) {
    if (job->completion) job->completion->Signal();
    return;
  }
  if (!job->task) {
    bridge->RunEvent(env, *job);
    return;
  }
  try {
    job->task(env);
  } catch (const Napi::Error& error) {
    napi_fatal_exception(env, error.Value());
  } catch (const std::exception& error) {
    napi_fatal_exception(env, Napi::Error::New(env, error.what()).Value());
  }
}

void EventBridge::RunEvent(Napi::Env env, Job& job) {
  std::shared_ptr<Completion> completion = job.completion;
  Napi::Function dispatch = dispatch_.IsEmpty() ? Napi::Function() : dispatch_.Value();
  if (dispatch.IsEmpty()) {
    // Released, or collected with a driver that was never started.
    if (completion) completion->Signal();
    return;
  }
  Napi::Value result;
  try {
    std::vector<napi_value> args = EventToDispatchArgs(env, job.event);
    result = dispatch.Call(args);
  } catch (const Napi::Error& error) {
    if (completion) completion->Signal();
    napi_fatal_exception(env, error.Value());
    return;
  }
  if (!completion) return;
  if (result.IsObject() || result.IsFunction()) {
    Napi::Value then = result.As<Napi::Object>().Get("then");
    if (then.IsFunction()) {
      auto settled = Napi::Function::New(
          env, [completion](const Napi::CallbackInfo&) { completion->Signal(); });
      then.As<Napi::Function>().Call(result, {settled, settled});
      return;
    }
  }
  completion->Signal();
}

void EventBridge::Hold(Napi::Env env) {
  tsfn_.Ref(env);  // throws when N-API fails
  // 0: the weakly held function was already collected (its owner let it go, so nothing
  // will be dispatched to it); there is then no reference for Unhold() to give back.
  if (dispatch_.Ref() > 0) ++dispatch_holds_;
}

void EventBridge::Unhold(Napi::Env env) {
  tsfn_.Unref(env);
  if (dispatch_holds_ == 0) return;
  --dispatch_holds_;
  dispatch_.Unref();
}

void EventBridge::Release() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    if (released_ || closed_) return;
    released_ = true;
    // Only fails for a thread-safe function already released, which released_ rules out.
    tsfn_.Release();
  }
  dispatch_.Reset();
  RemoveTeardownHook();
}

void EventBridge::RemoveTeardownHook() {
  if (teardown_holder_ == nullptr) return;
  auto* holder = teardown_holder_;
  teardown_holder_ = nullptr;
  napi_remove_env_cleanup_hook(env_, OnEnvTeardown, holder);
  delete holder;
}

void EventBridge::StopAwaiting() {
  std::set<std::shared_ptr<Completion>> waiting;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    awaiting_ = false;
    waiting.swap(waiting_);
  }
  for (const auto& completion : waiting) completion->Signal();
}

void EventBridge::Close() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    closed_ = true;
  }
  dispatch_.Reset();
  StopAwaiting();
}

}  // namespace mesos_napi
