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

// Per-environment state (main thread and each worker): constructors, live drivers, and
// threads deleting drivers that were collected without ever being started.
class AddonData {
 public:
  explicit AddonData(Napi::Env env);
  ~AddonData();

  Napi::FunctionReference schedulerDriver;
  Napi::FunctionReference executorDriver;

  void Add(LiveDriver* driver);
  void Remove(LiveDriver* driver);
  // Runs work on a thread of its own, joined at teardown; after teardown, runs it now.
  void Reap(std::function<void()> work);

  static std::shared_ptr<AddonData> Install(Napi::Env env);
  static std::shared_ptr<AddonData> From(Napi::Env env) {
    return *env.GetInstanceData<std::shared_ptr<AddonData>>();
  }

 private:
  static void OnTeardown(void* self);
  void Teardown();

  napi_env env_;
  std::mutex mutex_;
  std::set<LiveDriver*> drivers_;
  std::vector<std::thread> reapers_;
  bool torn_down_ = false;
};

}  // namespace mesos_napi
