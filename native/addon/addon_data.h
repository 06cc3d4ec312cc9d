#pragma once

#include <napi.h>

#include <condition_variable>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <set>
#include <thread>

namespace mesos_napi {

// A driver the environment must stop when it is torn down.
class LiveDriver {
 public:
  virtual ~LiveDriver() = default;
  // Environment teardown, on the JS thread, with no JS left to run: abort libmesos's
  // driver and wait for it and its threads.
  virtual void Teardown() = 0;
};

// Per-environment state (main thread and each worker): live drivers, and the one thread
// (the reaper) deleting the libmesos objects of collected wrappers.
class AddonData {
 public:
  explicit AddonData(Napi::Env env);
  ~AddonData();

  void Add(LiveDriver* driver);
  void Remove(LiveDriver* driver);
  // Queues work for the reaper, which runs it and then destroys it: whatever it owns is
  // released there, never on the JS thread. After teardown, runs it on a thread of its
  // own and waits for it (here only when no thread can be had).
  void RunOffThread(std::function<void()>&& work);
  // Aborts every live driver and waits for it and its threads, then for the reaper to
  // finish its queue. Environment teardown, and process.exit() on the main thread, which
  // exits without running the cleanup hooks.
  void Teardown();

  // Whether the calling thread runs JavaScript (an environment's main or worker thread).
  static bool OnJsThread();

  static std::shared_ptr<AddonData> Install(Napi::Env env);
  static std::shared_ptr<AddonData> From(Napi::Env env) {
    return *env.GetInstanceData<std::shared_ptr<AddonData>>();
  }

 private:
  static void OnTeardown(void* self);
  void Reap();

  napi_env env_;
  std::mutex mutex_;
  std::condition_variable queued_;
  std::set<LiveDriver*> drivers_;
  std::deque<std::function<void()>> queue_;
  std::thread reaper_;
  bool torn_down_ = false;
};

}  // namespace mesos_napi
