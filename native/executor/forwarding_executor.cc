#include "forwarding_executor.h"

#include "../bridge/serialize.h"

namespace mesos_napi {

// Only shutdown awaits its handler: libmesos accepts no further message once it returns.
// (libmesos calls error() only from the driver's constructor, on the JS thread.)

void ForwardingExecutor::registered(mesos::ExecutorDriver*, const mesos::ExecutorInfo& executorInfo,
                                    const mesos::FrameworkInfo& frameworkInfo,
                                    const mesos::SlaveInfo& slaveInfo) {
  bridge_->Deliver(Event("registered",
                         {Serialize(executorInfo), Serialize(frameworkInfo), Serialize(slaveInfo)},
                         Delivery::kQueue));
}

void ForwardingExecutor::reregistered(mesos::ExecutorDriver*, const mesos::SlaveInfo& slaveInfo) {
  bridge_->Deliver(Event("reregistered", {Serialize(slaveInfo)}, Delivery::kQueue));
}

void ForwardingExecutor::disconnected(mesos::ExecutorDriver*) {
  bridge_->Deliver(Event("disconnected", {}, Delivery::kQueue));
}

void ForwardingExecutor::launchTask(mesos::ExecutorDriver*, const mesos::TaskInfo& task) {
  bridge_->Deliver(Event("launchTask", {Serialize(task)}, Delivery::kQueue));
}

void ForwardingExecutor::killTask(mesos::ExecutorDriver*, const mesos::TaskID& taskId) {
  bridge_->Deliver(Event("killTask", {Serialize(taskId)}, Delivery::kQueue));
}

void ForwardingExecutor::frameworkMessage(mesos::ExecutorDriver*, const std::string& data) {
  bridge_->Deliver(Event("frameworkMessage", {Bytes{data}}, Delivery::kQueue));
}

void ForwardingExecutor::shutdown(mesos::ExecutorDriver*) {
  bridge_->Deliver(Event("shutdown", {}, Delivery::kAwait));
}

void ForwardingExecutor::error(mesos::ExecutorDriver*, const std::string& message) {
  bridge_->Deliver(Event("error", {Text{message}}, Delivery::kQueue));
}

}  // namespace mesos_napi
