#include "forwarding_scheduler.h"

#include "../driver/serialize.h"

namespace mesos_napi {

void ForwardingScheduler::registered(mesos::SchedulerDriver*, const mesos::FrameworkID& frameworkId,
                                     const mesos::MasterInfo& masterInfo) {
  bridge_->Deliver(Event{"registered", {Serialize(frameworkId), Serialize(masterInfo)}, false});
}

void ForwardingScheduler::reregistered(mesos::SchedulerDriver*,
                                       const mesos::MasterInfo& masterInfo) {
  bridge_->Deliver(Event{"reregistered", {Serialize(masterInfo)}, false});
}

void ForwardingScheduler::disconnected(mesos::SchedulerDriver*) {
  bridge_->Deliver(Event{"disconnected", {}});
}

void ForwardingScheduler::resourceOffers(mesos::SchedulerDriver*,
                                         const std::vector<mesos::Offer>& offers) {
  BytesList list;
  list.items.reserve(offers.size());
  for (const mesos::Offer& offer : offers) list.items.push_back(Serialize(offer).data);
  bridge_->Deliver(Event{"resourceOffers", {std::move(list)}, false});
}

void ForwardingScheduler::offerRescinded(mesos::SchedulerDriver*, const mesos::OfferID& offerId) {
  bridge_->Deliver(Event{"offerRescinded", {Serialize(offerId)}, false});
}

void ForwardingScheduler::statusUpdate(mesos::SchedulerDriver*, const mesos::TaskStatus& status) {
  // libmesos acknowledges an update with a uuid when this returns, unless the driver was
  // aborted meanwhile (a failed handler): wait, so updates stay at-least-once.
  bool acknowledged = implicit_acknowledgements_ && status.has_uuid();
  bridge_->Deliver(Event{"statusUpdate", {Serialize(status)}, acknowledged});
}

void ForwardingScheduler::frameworkMessage(mesos::SchedulerDriver*,
                                           const mesos::ExecutorID& executorId,
                                           const mesos::SlaveID& slaveId,
                                           const std::string& data) {
  bridge_->Deliver(
      Event{"frameworkMessage", {Serialize(executorId), Serialize(slaveId), Bytes{data}}, false});
}

void ForwardingScheduler::slaveLost(mesos::SchedulerDriver*, const mesos::SlaveID& slaveId) {
  bridge_->Deliver(Event{"slaveLost", {Serialize(slaveId)}, false});
}

void ForwardingScheduler::executorLost(mesos::SchedulerDriver*, const mesos::ExecutorID& executorId,
                                       const mesos::SlaveID& slaveId, int status) {
  bridge_->Deliver(
      Event{"executorLost", {Serialize(executorId), Serialize(slaveId), int32_t(status)}, false});
}

void ForwardingScheduler::error(mesos::SchedulerDriver*, const std::string& message) {
  bridge_->Deliver(Event{"error", {Text{message}}});
}

}  // namespace mesos_napi
