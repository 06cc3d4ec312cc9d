#include "scheduler_driver_wrap.h"

#include <cstdlib>
#include <mesos/scheduler/scheduler.hpp>

#include "local_cluster_lease.h"

namespace mesos_napi {

using mesos::MesosSchedulerDriver;

Napi::Function SchedulerDriverWrap::Define(Napi::Env env) {
  auto methods = LifecycleMethods();
  methods.push_back(InstanceMethod("stop", &SchedulerDriverWrap::Stop));
  methods.push_back(InstanceMethod("requestResources", &SchedulerDriverWrap::RequestResources));
  methods.push_back(InstanceMethod("launchTasks", &SchedulerDriverWrap::LaunchTasks));
  methods.push_back(InstanceMethod("killTask", &SchedulerDriverWrap::KillTask));
  methods.push_back(InstanceMethod("acceptOffers", &SchedulerDriverWrap::AcceptOffers));
  methods.push_back(InstanceMethod("declineOffer", &SchedulerDriverWrap::DeclineOffer));
  methods.push_back(InstanceMethod("reviveOffers", &SchedulerDriverWrap::ReviveOffers));
  methods.push_back(InstanceMethod("suppressOffers", &SchedulerDriverWrap::SuppressOffers));
  methods.push_back(
      InstanceMethod("acknowledgeStatusUpdate", &SchedulerDriverWrap::AcknowledgeStatusUpdate));
  methods.push_back(
      InstanceMethod("sendFrameworkMessage", &SchedulerDriverWrap::SendFrameworkMessage));
  methods.push_back(InstanceMethod("reconcileTasks", &SchedulerDriverWrap::ReconcileTasks));
  methods.push_back(InstanceMethod("updateFramework", &SchedulerDriverWrap::UpdateFramework));
  return DefineClass(env, "SchedulerDriver", methods);
}

// (dispatch, frameworkInfo, master, implicitAcknowledgements, credential, suppressedRoles,
//  environment, localWorkDir)
SchedulerDriverWrap::SchedulerDriverWrap(const Napi::CallbackInfo& info) : Base(info) {
  Napi::Function dispatch = FunctionArg(info[0], "dispatch");
  auto framework = MessageArg<mesos::FrameworkInfo>(info[1], "frameworkInfo");
  std::string master = StringArg(info[2], "master");
  bool implicitAcks = BoolArg(info[3], "implicitAcknowledgements");
  auto credential = OptionalMessageArg<mesos::Credential>(info[4], "credential");
  auto roles =
      OptionalStringListArg(info[5], "suppressedRoles").value_or(std::vector<std::string>());
  if (!info[6].IsNull() && !info[6].IsUndefined()) {
    environment_ = StringMapArg(info[6], "environment");
  }
  std::optional<std::string> workDir;
  if (!info[7].IsNull() && !info[7].IsUndefined()) workDir = StringArg(info[7], "localWorkDir");
  // libmesos launches its in-process cluster for "local" alone, but shuts it down when a
  // driver of "local" or "localquiet" is deleted.
  if (master == "local" || master == "localquiet") {
    TakeLocalClusterLease(info.Env(), framework.name(), std::move(workDir));
  }
  auto forwarder = [implicitAcks](std::shared_ptr<EventBridge> bridge) {
    return std::make_unique<ForwardingScheduler>(std::move(bridge), implicitAcks);
  };
  Init(info.Env(), dispatch, "MesosSchedulerDriver", forwarder,
       [&](ForwardingScheduler* scheduler) {
         if (credential) {
           return std::make_unique<MesosSchedulerDriver>(scheduler, framework, roles, master,
                                                         implicitAcks, *credential);
         }
         return std::make_unique<MesosSchedulerDriver>(scheduler, framework, roles, master,
                                                       implicitAcks);
       });
  // libmesos's constructor has started the in-process cluster: process.exit() must shut it
  // down and remove its work directory even if this driver is never started.
  if (lease_) TearDownWithEnvironment();
}

void SchedulerDriverWrap::TakeLocalClusterLease(Napi::Env env, const std::string& framework,
                                                std::optional<std::string> work_dir) {
  std::string holder;
  lease_ = LocalClusterLease::Take("the driver of framework '" + framework + "'",
                                   std::move(work_dir), &holder);
  if (lease_) return;
  Napi::Error error = Napi::Error::New(
      env, "master=local: " + holder +
               " still holds this process's in-process cluster (libmesos runs one at a "
               "time and kills the process on a second); stop it and await its join() first");
  error.Set("code", Napi::String::New(env, "MESOS_NAPI_LOCAL_CLUSTER_BUSY"));
  throw error;
}

Napi::Value SchedulerDriverWrap::Stop(const Napi::CallbackInfo& info) {
  bool failover = BoolArg(info[0], "failover");
  return StopIfLaunched(info, [&](MesosSchedulerDriver& driver) { return driver.stop(failover); });
}

Napi::Value SchedulerDriverWrap::RequestResources(const Napi::CallbackInfo& info) {
  auto requests = MessageListArg<mesos::Request>(info[0], "requests");
  return WithDriver(
      info, [&](MesosSchedulerDriver& driver) { return driver.requestResources(requests); });
}

Napi::Value SchedulerDriverWrap::LaunchTasks(const Napi::CallbackInfo& info) {
  auto offerIds = MessageListArg<mesos::OfferID>(info[0], "offerIds");
  auto tasks = MessageListArg<mesos::TaskInfo>(info[1], "tasks");
  auto filters = OptionalMessageArg<mesos::Filters>(info[2], "filters").value_or(mesos::Filters());
  return WithDriver(info, [&](MesosSchedulerDriver& driver) {
    return driver.launchTasks(offerIds, tasks, filters);
  });
}

Napi::Value SchedulerDriverWrap::KillTask(const Napi::CallbackInfo& info) {
  auto taskId = MessageArg<mesos::TaskID>(info[0], "taskId");
  return WithDriver(info, [&](MesosSchedulerDriver& driver) { return driver.killTask(taskId); });
}

Napi::Value SchedulerDriverWrap::AcceptOffers(const Napi::CallbackInfo& info) {
  auto offerIds = MessageListArg<mesos::OfferID>(info[0], "offerIds");
  auto operations = MessageListArg<mesos::Offer::Operation>(info[1], "operations");
  for (size_t i = 0; i < operations.size(); i++) {
    if (operations[i].has_id()) {
      throw Napi::TypeError::New(info.Env(), "operations[" + std::to_string(i) +
                                                 "].id: operation ids are not supported by the "
                                                 "scheduler driver (libmesos would abort)");
    }
  }
  auto filters = OptionalMessageArg<mesos::Filters>(info[2], "filters").value_or(mesos::Filters());
  return WithDriver(info, [&](MesosSchedulerDriver& driver) {
    return driver.acceptOffers(offerIds, operations, filters);
  });
}

Napi::Value SchedulerDriverWrap::DeclineOffer(const Napi::CallbackInfo& info) {
  auto offerId = MessageArg<mesos::OfferID>(info[0], "offerId");
  auto filters = OptionalMessageArg<mesos::Filters>(info[1], "filters").value_or(mesos::Filters());
  return WithDriver(
      info, [&](MesosSchedulerDriver& driver) { return driver.declineOffer(offerId, filters); });
}

Napi::Value SchedulerDriverWrap::ReviveOffers(const Napi::CallbackInfo& info) {
  auto roles = OptionalStringListArg(info[0], "roles");
  return WithDriver(info, [&](MesosSchedulerDriver& driver) {
    return roles ? driver.reviveOffers(*roles) : driver.reviveOffers();
  });
}

Napi::Value SchedulerDriverWrap::SuppressOffers(const Napi::CallbackInfo& info) {
  auto roles = OptionalStringListArg(info[0], "roles");
  return WithDriver(info, [&](MesosSchedulerDriver& driver) {
    return roles ? driver.suppressOffers(*roles) : driver.suppressOffers();
  });
}

Napi::Value SchedulerDriverWrap::AcknowledgeStatusUpdate(const Napi::CallbackInfo& info) {
  auto status = MessageArg<mesos::TaskStatus>(info[0], "status");
  return WithDriver(
      info, [&](MesosSchedulerDriver& driver) { return driver.acknowledgeStatusUpdate(status); });
}

Napi::Value SchedulerDriverWrap::SendFrameworkMessage(const Napi::CallbackInfo& info) {
  auto executorId = MessageArg<mesos::ExecutorID>(info[0], "executorId");
  auto slaveId = MessageArg<mesos::SlaveID>(info[1], "slaveId");
  std::string data = BytesArg(info[2], "data");
  return WithDriver(info, [&](MesosSchedulerDriver& driver) {
    return driver.sendFrameworkMessage(executorId, slaveId, data);
  });
}

Napi::Value SchedulerDriverWrap::ReconcileTasks(const Napi::CallbackInfo& info) {
  auto statuses = MessageListArg<mesos::TaskStatus>(info[0], "statuses");
  return WithDriver(info,
                    [&](MesosSchedulerDriver& driver) { return driver.reconcileTasks(statuses); });
}

Napi::Value SchedulerDriverWrap::UpdateFramework(const Napi::CallbackInfo& info) {
  auto framework = MessageArg<mesos::FrameworkInfo>(info[0], "frameworkInfo");
  auto roles = StringListArg(info[1], "suppressedRoles");
  auto constraints =
      OptionalMessageArg<mesos::scheduler::OfferConstraints>(info[2], "offerConstraints")
          .value_or(mesos::scheduler::OfferConstraints());
  return WithDriver(info, [&](MesosSchedulerDriver& driver) {
    return driver.updateFramework(framework, roles, std::move(constraints));
  });
}

}  // namespace mesos_napi
