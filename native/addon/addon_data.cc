#include "addon_data.h"

#include <system_error>

namespace mesos_napi {

std::shared_ptr<AddonData> AddonData::Install(Napi::Env env) {
  auto data = std::make_shared<AddonData>(env);
  env.SetInstanceData(new std::shared_ptr<AddonData>(data));
  return data;
}

AddonData::AddonData(Napi::Env env) : env_(env) {
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
}

void AddonData::Remove(LiveDriver* driver) {
  std::lock_guard<std::mutex> lock(mutex_);
  drivers_.erase(driver);
}

void AddonData::RunOffThread(std::function<void()> work) {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    if (!torn_down_) {
      try {
        workers_.emplace_back(work);
        return;
      } catch (const std::system_error&) {
        // No thread to be had: run it here.
      }
    }
  }
  work();
}

void AddonData::OnTeardown(void* self) { static_cast<AddonData*>(self)->Teardown(); }

void AddonData::Teardown() {
  std::set<LiveDriver*> drivers;
  std::vector<std::thread> workers;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    torn_down_ = true;
    drivers.swap(drivers_);
    workers.swap(workers_);
  }
  for (LiveDriver* driver : drivers) driver->Teardown();
  for (std::thread& worker : workers) worker.join();
}

}  // namespace mesos_napi
