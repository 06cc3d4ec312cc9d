#include "addon_data.h"

namespace mesos_napi {

std::shared_ptr<AddonData> AddonData::Install(Napi::Env env) {
  auto data = std::make_shared<AddonData>(env);
  env.SetInstanceData(new std::shared_ptr<AddonData>(data));
  return data;
}

AddonData::AddonData(Napi::Env env) : env_(env) {
  napi_add_env_cleanup_hook(env_, OnTeardown, this);
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

void AddonData::Reap(std::function<void()> work) {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    if (!torn_down_) {
      reapers_.emplace_back(std::move(work));
      return;
    }
  }
  work();
}

void AddonData::OnTeardown(void* self) { static_cast<AddonData*>(self)->Teardown(); }

void AddonData::Teardown() {
  std::set<LiveDriver*> drivers;
  std::vector<std::thread> reapers;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    torn_down_ = true;
    drivers.swap(drivers_);
    reapers.swap(reapers_);
  }
  for (LiveDriver* driver : drivers) driver->Teardown();
  for (std::thread& reaper : reapers) reaper.join();
}

}  // namespace mesos_napi
