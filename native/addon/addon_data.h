#pragma once

#include <napi.h>

#include <functional>
#include <memory>
#include <mutex>
#include <set>
#include <thread>
#include <vector>

namespace mesos_napi {

// A driver the environment must stop when it is torn down.
class LiveDriver {
 public:
  virtual ~LiveDriver() = default;
  // Environment teardown, on the JS thread, with no JS left to run: abort libmesos's
  // driver and wait for it and its threads.
  virtual void Teardown() = 0;
};

// Per-environment state (main thread and each worker): live drivers, and threads deleting
// drivers that were collected without ever being started.
class AddonData {
 public:
  explicit AddonData(Napi::Env env);
  ~AddonData();

  void Add(LiveDriver* driver);
  void Remove(LiveDriver* driver);
  // Runs work on a thread of its own, joined at teardown; after teardown (or when no
  // thread can be had), runs it now.
  void RunOffThread(std::function<void()> work);
  // Aborts every live driver and waits for it and its threads. Environment teardown, and
  // process.exit() on the main thread, which exits without running the cleanup hooks.
  void Teardown();

  static std::shared_ptr<AddonData> Install(Napi::Env env);
  static std::shared_ptr<AddonData> From(Napi::Env env) {
    return *env.GetInstanceData<std::shared_ptr<AddonData>>();
  }

 private:
  static void OnTeardown(void* self);

  napi_env env_;
  std::mutex mutex_;
  std::set<LiveDriver*> drivers_;
  std::vector<std::thread> workers_;
  bool torn_down_ = false;
};

}  // namespace mesos_napi
