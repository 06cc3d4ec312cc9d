#include "addon_data.h"

#include <system_error>
#include <utility>

namespace mesos_napi {

namespace {

thread_local bool js_thread = false;

// Runs work on a new thread and waits for it; here when no thread can be had. The thread
// owns work: nothing of it is released on the calling thread unless it runs here.
void RunOnThreadAndWait(std::function<void()>&& work) {
  auto held = std::make_shared<std::function<void()>>(std::move(work));
  try {
    std::thread thread([held] {
      std::function<void()> taken = std::move(*held);
      taken();
    });
    thread.join();
  } catch (const std::system_error&) {
    if (*held) (*held)();
  }
}

}  // namespace

bool AddonData::OnJsThread() { return js_thread; }

std::shared_ptr<AddonData> AddonData::Install(Napi::Env env) {
  auto data = std::make_shared<AddonData>(env);
  env.SetInstanceData(new std::shared_ptr<AddonData>(data));
  return data;
}

AddonData::AddonData(Napi::Env env) : env_(env) {
  js_thread = true;
  if (napi_add_env_cleanup_hook(env_, OnTeardown, this) != napi_ok) {
    throw Napi::Error::New(env, "could not register the addon's environment cleanup hook");
  }
}

AddonData::~AddonData() {
  if (!torn_down_) {
    napi_remove_env_cleanup_hook(env_, OnTeardown, this);
    Teardown();
  }
}

void AddonData::Add(LiveDriver* driver) {
  std::lock_guard<std::mutex> lock(mutex_);
  drivers_.insert(driver);
  // Cleanup hooks run newest first: registered again, the teardown that stops this driver
  // runs before the hook of its bridge (made before it was added) releases its threads.
  if (!torn_down_ && napi_remove_env_cleanup_hook(env_, OnTeardown, this) == napi_ok) {
    napi_add_env_cleanup_hook(env_, OnTeardown, this);
  }
}

void AddonData::Remove(LiveDriver* driver) {
  std::lock_guard<std::mutex> lock(mutex_);
  drivers_.erase(driver);
}

void AddonData::RunOffThread(std::function<void()>&& work) {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    if (!torn_down_) {
      if (!reaper_.joinable()) {
        try {
          reaper_ = std::thread(&AddonData::Reap, this);
        } catch (const std::system_error&) {
          // No thread to be had now: try again below.
        }
      }
      if (reaper_.joinable()) {
        queue_.push_back(std::move(work));
        queued_.notify_one();
        return;
      }
    }
  }
  RunOnThreadAndWait(std::move(work));
}

void AddonData::Reap() {
  std::unique_lock<std::mutex> lock(mutex_);
  for (;;) {
    queued_.wait(lock, [this] { return !queue_.empty() || torn_down_; });
    if (queue_.empty()) return;
    std::function<void()> work = std::move(queue_.front());
    queue_.pop_front();
    lock.unlock();
    work();
    work = nullptr;
    lock.lock();
  }
}

void AddonData::OnTeardown(void* self) { static_cast<AddonData*>(self)->Teardown(); }

void AddonData::Teardown() {
  std::set<LiveDriver*> drivers;
  std::thread reaper;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    torn_down_ = true;
    drivers.swap(drivers_);
    reaper.swap(reaper_);
    queued_.notify_all();
  }
  for (LiveDriver* driver : drivers) driver->Teardown();
  if (reaper.joinable()) reaper.join();
}

}  // namespace mesos_napi
