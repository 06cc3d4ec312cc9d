#pragma once

#include <mesos/scheduler.hpp>

#include "../driver/driver_wrap.h"
#include "forwarding_scheduler.h"

namespace mesos_napi {

// SchedulerDriver of the native contract (src/native/binding.ts) on libmesos's
// MesosSchedulerDriver.
class SchedulerDriverWrap
    : public DriverWrap<SchedulerDriverWrap, mesos::MesosSchedulerDriver, ForwardingScheduler> {
 public:
  static Napi::Function Define(Napi::Env env);
  explicit SchedulerDriverWrap(const Napi::CallbackInfo& info);

  static bool Deletable(bool /*launched*/) { return true; }

 private:
  void TakeLocalClusterLease(Napi::Env env, const std::string& framework,
                             std::optional<std::string> work_dir);

  Napi::Value Stop(const Napi::CallbackInfo& info);
  Napi::Value RequestResources(const Napi::CallbackInfo& info);
  Napi::Value LaunchTasks(const Napi::CallbackInfo& info);
  Napi::Value KillTask(const Napi::CallbackInfo& info);
  Napi::Value AcceptOffers(const Napi::CallbackInfo& info);
  Napi::Value DeclineOffer(const Napi::CallbackInfo& info);
  Napi::Value ReviveOffers(const Napi::CallbackInfo& info);
  Napi::Value SuppressOffers(const Napi::CallbackInfo& info);
  Napi::Value AcknowledgeStatusUpdate(const Napi::CallbackInfo& info);
  Napi::Value SendFrameworkMessage(const Napi::CallbackInfo& info);
  Napi::Value ReconcileTasks(const Napi::CallbackInfo& info);
  Napi::Value UpdateFramework(const Napi::CallbackInfo& info);
};

}  // namespace mesos_napi
