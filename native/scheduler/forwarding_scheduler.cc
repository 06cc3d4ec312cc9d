#include "forwarding_scheduler.h"

#include "../driver/serialize.h"

namespace mesos_napi {

void ForwardingScheduler::registered(mesos::SchedulerDriver*, const mesos::FrameworkID& frameworkId,
                                     const mesos::MasterInfo& masterInfo) {
  bridge_->Deliver(Event{"registered", {Serialize(frameworkId), Serialize(masterInfo)}});
}

void ForwardingScheduler::reregistered(mesos::SchedulerDriver*,
                                       const mesos::MasterInfo& masterInfo) {
  bridge_->Deliver(Event{"reregistered", {Serialize(masterInfo)}});
}

void ForwardingScheduler::disconnected(mesos::SchedulerDriver*) {
  bridge_->Deliver(Event{"disconnected", {}});
}

void ForwardingScheduler::resourceOffers(mesos::SchedulerDriver*,
                                         const std::vector<mesos::Offer>& offers) {
  BytesList list;
  list.items.reserve(offers.size());
  for (const mesos::Offer& offer : offers) list.items.push_back(Serialize(offer).data);
  bridge_->Deliver(Event{"resourceOffers", {std::move(list)}});
}

void ForwardingScheduler::offerRescinded(mesos::SchedulerDriver*, const mesos::OfferID& offerId) {
  bridge_->Deliver(Event{"offerRescinded", {Serialize(offerId)}});
}

void ForwardingScheduler::statusUpdate(mesos::SchedulerDriver*, const mesos::TaskStatus& status) {
  bridge_->Deliver(Event{"statusUpdate", {Serialize(status)}});
}

void ForwardingScheduler::frameworkMessage(mesos::SchedulerDriver*,
                                           const mesos::ExecutorID& executorId,
                                           const mesos::SlaveID& slaveId,
                                           const std::string& data) {
  bridge_->Deliver(
      Event{"frameworkMessage", {Serialize(executorId), Serialize(slaveId), Bytes{data}}});
}

void ForwardingScheduler::slaveLost(mesos::SchedulerDriver*, const mesos::SlaveID& slaveId) {
  bridge_->Deliver(Event{"slaveLost", {Serialize(slaveId)}});
}

void ForwardingScheduler::executorLost(mesos::SchedulerDriver*, const mesos::ExecutorID& executorId,
                                       const mesos::SlaveID& slaveId, int status) {
  bridge_->Deliver(
      Event{"executorLost", {Serialize(executorId), Serialize(slaveId), int32_t(status)}});
}

void ForwardingScheduler::error(mesos::SchedulerDriver*, const std::string& message) {
  bridge_->Deliver(Event{"error", {Text{message}}});
}

}  // namespace mesos_napi
