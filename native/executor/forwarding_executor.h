#pragma once

#include <memory>
#include <mesos/executor.hpp>

#include "../bridge/event_bridge.h"

namespace mesos_napi {

// The executor side of ForwardingScheduler: serializes on libmesos's thread and hands
// each callback to the bridge (forwarding_executor.cc says which ones await JavaScript).
class ForwardingExecutor : public mesos::Executor {
 public:
  explicit ForwardingExecutor(std::shared_ptr<EventBridge> bridge) : bridge_(std::move(bridge)) {}

  void registered(mesos::ExecutorDriver*, const mesos::ExecutorInfo& executorInfo,
                  const mesos::FrameworkInfo& frameworkInfo,
                  const mesos::SlaveInfo& slaveInfo) override;
  void reregistered(mesos::ExecutorDriver*, const mesos::SlaveInfo& slaveInfo) override;
  void disconnected(mesos::ExecutorDriver*) override;
  void launchTask(mesos::ExecutorDriver*, const mesos::TaskInfo& task) override;
  void killTask(mesos::ExecutorDriver*, const mesos::TaskID& taskId) override;
  void frameworkMessage(mesos::ExecutorDriver*, const std::string& data) override;
  void shutdown(mesos::ExecutorDriver*) override;
  void error(mesos::ExecutorDriver*, const std::string& message) override;

 private:
  std::shared_ptr<EventBridge> bridge_;
};

}  // namespace mesos_napi
