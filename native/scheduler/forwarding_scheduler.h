#pragma once

#include <memory>
#include <mesos/scheduler.hpp>

#include "../bridge/event_bridge.h"

namespace mesos_napi {

// A mesos::Scheduler that serializes every callback's protobufs on libmesos's thread and
// hands them to the bridge (forwarding_scheduler.cc says which ones await JavaScript).
class ForwardingScheduler : public mesos::Scheduler {
 public:
  ForwardingScheduler(std::shared_ptr<EventBridge> bridge, bool implicitAcknowledgements)
      : bridge_(std::move(bridge)), implicit_acknowledgements_(implicitAcknowledgements) {}

  void registered(mesos::SchedulerDriver*, const mesos::FrameworkID& frameworkId,
                  const mesos::MasterInfo& masterInfo) override;
  void reregistered(mesos::SchedulerDriver*, const mesos::MasterInfo& masterInfo) override;
  void disconnected(mesos::SchedulerDriver*) override;
  void resourceOffers(mesos::SchedulerDriver*, const std::vector<mesos::Offer>& offers) override;
  void offerRescinded(mesos::SchedulerDriver*, const mesos::OfferID& offerId) override;
  void statusUpdate(mesos::SchedulerDriver*, const mesos::TaskStatus& status) override;
  void frameworkMessage(mesos::SchedulerDriver*, const mesos::ExecutorID& executorId,
                        const mesos::SlaveID& slaveId, const std::string& data) override;
  void slaveLost(mesos::SchedulerDriver*, const mesos::SlaveID& slaveId) override;
  void executorLost(mesos::SchedulerDriver*, const mesos::ExecutorID& executorId,
                    const mesos::SlaveID& slaveId, int status) override;
  void error(mesos::SchedulerDriver*, const std::string& message) override;

 private:
  std::shared_ptr<EventBridge> bridge_;
  bool implicit_acknowledgements_;
};

}  // namespace mesos_napi
