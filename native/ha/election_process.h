#pragma once

#include <memory>
#include <mesos/zookeeper/contender.hpp>
#include <mesos/zookeeper/detector.hpp>
#include <mesos/zookeeper/group.hpp>
#include <mesos/zookeeper/url.hpp>
#include <process/future.hpp>
#include <process/process.hpp>
#include <stout/duration.hpp>
#include <stout/nothing.hpp>
#include <stout/option.hpp>
#include <string>

#include "../bridge/event_bridge.h"

namespace mesos_napi {

// A libprocess process that contends for leadership of one ZooKeeper group and watches who
// leads it, with libmesos's own zookeeper::Group, LeaderContender and LeaderDetector, as
// the Mesos master does. Its methods run on libprocess threads; every outcome is copied
// into an Event and handed to the bridge, never to JavaScript directly.
//
// Events (name: arguments):
//   leader: membership id, data   the group's oldest member (the leader) changed
//   noLeader:                     the group has no member
//   detectFailed: message         the group failed for good (no more leader events)
//   contended: generation         the candidacy of contend(generation) was obtained
//   contendFailed: generation, message
//   candidacyLost: generation, message ('' when the membership was cancelled: session
//                  expired, or withdrawn)
//   withdrawn: generation, 1 | 0 | -1, message (-1: failed)
//   checked: request, 1 | 0 | -1, data or message: what ZooKeeper holds now for the
//            current leader's membership (1: its data, 0: no leader or the membership is
//            gone, -1: the read failed)
class ElectionProcess : public process::Process<ElectionProcess> {
 public:
  ElectionProcess(zookeeper::URL url, Duration session_timeout,
                  std::shared_ptr<EventBridge> bridge);
  ~ElectionProcess() override;

  void Contend(int generation, const std::string& data, const Option<std::string>& label);
  void Withdraw(int generation);
  void Check(int request);

 protected:
  void initialize() override;

 private:
  void Detect();
  void Detected(const process::Future<Option<zookeeper::Group::Membership>>& leader);
  void LeaderData(const zookeeper::Group::Membership& membership,
                  const process::Future<Option<std::string>>& data);
  void Contended(int generation, const process::Future<process::Future<Nothing>>& candidacy);
  void CandidacyLost(int generation, const process::Future<Nothing>& lost);
  void Withdrawn(int generation, const process::Future<bool>& withdrawn);
  void Checked(int request, const process::Future<Option<std::string>>& data);

  static std::string Why(const process::Future<Nothing>& future);
  template <typename T>
  static std::string FailureOf(const process::Future<T>& future) {
    return future.isFailed() ? future.failure() : std::string("discarded");
  }

  const zookeeper::URL url_;
  const Duration session_timeout_;
  std::shared_ptr<EventBridge> bridge_;
  // Deleted in reverse order of declaration: the contender and the detector before the
  // group they use.
  std::unique_ptr<zookeeper::Group> group_;
  std::unique_ptr<zookeeper::LeaderDetector> detector_;
  std::unique_ptr<zookeeper::LeaderContender> contender_;
  int generation_ = -1;
  Option<zookeeper::Group::Membership> leader_;
};

}  // namespace mesos_napi
