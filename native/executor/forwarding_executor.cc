#include "forwarding_executor.h"

#include "../driver/serialize.h"

namespace mesos_napi {

void ForwardingExecutor::registered(mesos::ExecutorDriver*, const mesos::ExecutorInfo& executorInfo,
                                    const mesos::FrameworkInfo& frameworkInfo,
                                    const mesos::SlaveInfo& slaveInfo) {
  bridge_->Deliver(Event{
      "registered", {Serialize(executorInfo), Serialize(frameworkInfo), Serialize(slaveInfo)}, false});
}

void ForwardingExecutor::reregistered(mesos::ExecutorDriver*, const mesos::SlaveInfo& slaveInfo) {
  bridge_->Deliver(Event{"reregistered", {Serialize(slaveInfo)}, false});
}

void ForwardingExecutor::disconnected(mesos::ExecutorDriver*) {
  bridge_->Deliver(Event{"disconnected", {}});
}

void ForwardingExecutor::launchTask(mesos::ExecutorDriver*, const mesos::TaskInfo& task) {
  bridge_->Deliver(Event{"launchTask", {Serialize(task)}, false});
}

void ForwardingExecutor::killTask(mesos::ExecutorDriver*, const mesos::TaskID& taskId) {
  bridge_->Deliver(Event{"killTask", {Serialize(taskId)}, false});
}

void ForwardingExecutor::frameworkMessage(mesos::ExecutorDriver*, const std::string& data) {
  bridge_->Deliver(Event{"frameworkMessage", {Bytes{data}}, false});
}

void ForwardingExecutor::shutdown(mesos::ExecutorDriver*) {
  bridge_->Deliver(Event{"shutdown", {}});
}

void ForwardingExecutor::error(mesos::ExecutorDriver*, const std::string& message) {
  bridge_->Deliver(Event{"error", {Text{message}}});
}

}  // namespace mesos_napi
