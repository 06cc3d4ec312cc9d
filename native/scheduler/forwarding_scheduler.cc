#include "forwarding_scheduler.h"

#include "../bridge/serialize.h"

namespace mesos_napi {

// Only statusUpdate may await its handler: libmesos acts on no other callback's return.
// (error() comes after libmesos has aborted the driver already.)

void ForwardingScheduler::registered(mesos::SchedulerDriver*, const mesos::FrameworkID& frameworkId,
                                     const mesos::MasterInfo& masterInfo) {
  bridge_->Deliver(
      Event("registered", {Serialize(frameworkId), Serialize(masterInfo)}, Delivery::kQueue));
}

void ForwardingScheduler::reregistered(mesos::SchedulerDriver*,
                                       const mesos::MasterInfo& masterInfo) {
  bridge_->Deliver(Event("reregistered", {Serialize(masterInfo)}, Delivery::kQueue));
}

void ForwardingScheduler::disconnected(mesos::SchedulerDriver*) {
  bridge_->Deliver(Event("disconnected", {}, Delivery::kQueue));
}

void ForwardingScheduler::resourceOffers(mesos::SchedulerDriver*,
                                         const std::vector<mesos::Offer>& offers) {
  BytesList list;
  list.items.reserve(offers.size());
  for (const mesos::Offer& offer : offers) list.items.push_back(Serialize(offer).data);
  bridge_->Deliver(Event("resourceOffers", {std::move(list)}, Delivery::kQueue));
}

void ForwardingScheduler::offerRescinded(mesos::SchedulerDriver*, const mesos::OfferID& offerId) {
  bridge_->Deliver(Event("offerRescinded", {Serialize(offerId)}, Delivery::kQueue));
}

void ForwardingScheduler::statusUpdate(mesos::SchedulerDriver*, const mesos::TaskStatus& status) {
  // libmesos acknowledges an update with a uuid when this returns, unless the driver was
  // stopped or aborted meanwhile (a failed handler aborts it): so updates stay
  // at-least-once.
  bool acknowledged = implicit_acknowledgements_ && status.has_uuid();
  bridge_->Deliver(Event("statusUpdate", {Serialize(status)},
                         acknowledged ? Delivery::kAwait : Delivery::kQueue));
}

void ForwardingScheduler::frameworkMessage(mesos::SchedulerDriver*,
                                           const mesos::ExecutorID& executorId,
                                           const mesos::SlaveID& slaveId, const std::string& data) {
  bridge_->Deliver(Event("frameworkMessage",
                         {Serialize(executorId), Serialize(slaveId), Bytes{data}},
                         Delivery::kQueue));
}

void ForwardingScheduler::slaveLost(mesos::SchedulerDriver*, const mesos::SlaveID& slaveId) {
  bridge_->Deliver(Event("slaveLost", {Serialize(slaveId)}, Delivery::kQueue));
}

void ForwardingScheduler::executorLost(mesos::SchedulerDriver*, const mesos::ExecutorID& executorId,
                                       const mesos::SlaveID& slaveId, int status) {
  bridge_->Deliver(Event("executorLost",
                         {Serialize(executorId), Serialize(slaveId), int32_t(status)},
                         Delivery::kQueue));
}

void ForwardingScheduler::error(mesos::SchedulerDriver*, const std::string& message) {
  bridge_->Deliver(Event("error", {Text{message}}, Delivery::kQueue));
}

}  // namespace mesos_napi
