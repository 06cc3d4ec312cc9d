#include "election_process.h"

#include <process/defer.hpp>
#include <process/id.hpp>
#include <stout/lambda.hpp>
#include <utility>

namespace mesos_napi {

using process::Future;
using zookeeper::Group;

ElectionProcess::ElectionProcess(zookeeper::URL url, Duration session_timeout,
                                 std::shared_ptr<EventBridge> bridge)
    : ProcessBase(process::ID::generate("mesos-napi-election")),
      url_(std::move(url)),
      session_timeout_(session_timeout),
      bridge_(std::move(bridge)) {}

ElectionProcess::~ElectionProcess() = default;

void ElectionProcess::initialize() {
  group_ = std::make_unique<Group>(url_, session_timeout_);
  detector_ = std::make_unique<zookeeper::LeaderDetector>(group_.get());
  Detect();
}

void ElectionProcess::Detect() {
  detector_->detect(leader_).onAny(process::defer(self(), &Self::Detected, lambda::_1));
}

void ElectionProcess::Detected(const Future<Option<Group::Membership>>& leader) {
  if (!leader.isReady()) {
    bridge_->Deliver(Event("detectFailed", {Text{FailureOf(leader)}}, Delivery::kQueue));
    return;
  }
  leader_ = leader.get();
  if (leader_.isNone()) {
    bridge_->Deliver(Event("noLeader", {}, Delivery::kQueue));
  } else {
    Group::Membership membership = leader_.get();
    group_->data(membership)
        .onAny(process::defer(self(), &Self::LeaderData, membership, lambda::_1));
  }
  Detect();
}

void ElectionProcess::LeaderData(const Group::Membership& membership,
                                 const Future<Option<std::string>>& data) {
  // A leader replaced meanwhile, or gone before its data was read, is reported by the next
  // detection; a failed read means the group failed, which the detector reports.
  if (leader_ != membership || !data.isReady() || data->isNone()) return;
  bridge_->Deliver(Event("leader", {membership.id(), Text{data->get()}}, Delivery::kQueue));
}

void ElectionProcess::Contend(int generation, const std::string& data,
                              const Option<std::string>& label) {
  // A contender is not reusable: each candidacy has its own. Deleting the previous one
  // cancels its membership, if it still has one.
  contender_.reset();
  generation_ = generation;
  contender_ = std::make_unique<zookeeper::LeaderContender>(group_.get(), data, label);
  contender_->contend().onAny(process::defer(self(), &Self::Contended, generation, lambda::_1));
}

void ElectionProcess::Contended(int generation, const Future<Future<Nothing>>& candidacy) {
  if (!candidacy.isReady()) {
    bridge_->Deliver(
        Event("contendFailed", {generation, Text{FailureOf(candidacy)}}, Delivery::kQueue));
    return;
  }
  bridge_->Deliver(Event("contended", {generation}, Delivery::kQueue));
  candidacy->onAny(process::defer(self(), &Self::CandidacyLost, generation, lambda::_1));
}

std::string ElectionProcess::Why(const Future<Nothing>& lost) {
  return lost.isReady() ? std::string() : FailureOf(lost);
}

void ElectionProcess::CandidacyLost(int generation, const Future<Nothing>& lost) {
  bridge_->Deliver(Event("candidacyLost", {generation, Text{Why(lost)}}, Delivery::kQueue));
}

void ElectionProcess::Withdraw(int generation) {
  if (generation != generation_ || !contender_) {
    bridge_->Deliver(Event("withdrawn", {generation, 0, Text{""}}, Delivery::kQueue));
    return;
  }
  contender_->withdraw().onAny(process::defer(self(), &Self::Withdrawn, generation, lambda::_1));
}

void ElectionProcess::Withdrawn(int generation, const Future<bool>& withdrawn) {
  if (!withdrawn.isReady()) {
    bridge_->Deliver(
        Event("withdrawn", {generation, -1, Text{FailureOf(withdrawn)}}, Delivery::kQueue));
    return;
  }
  bridge_->Deliver(
      Event("withdrawn", {generation, withdrawn.get() ? 1 : 0, Text{""}}, Delivery::kQueue));
}

void ElectionProcess::Check(int request) {
  if (leader_.isNone()) {
    bridge_->Deliver(Event("checked", {request, 0, Text{""}}, Delivery::kQueue));
    return;
  }
  Group::Membership membership = leader_.get();
  group_->data(membership).onAny(process::defer(self(), &Self::Checked, request, lambda::_1));
}

void ElectionProcess::Checked(int request, const Future<Option<std::string>>& data) {
  if (!data.isReady()) {
    bridge_->Deliver(Event("checked", {request, -1, Text{FailureOf(data)}}, Delivery::kQueue));
  } else if (data->isNone()) {
    bridge_->Deliver(Event("checked", {request, 0, Text{""}}, Delivery::kQueue));
  } else {
    bridge_->Deliver(Event("checked", {request, 1, Text{data->get()}}, Delivery::kQueue));
  }
}

}  // namespace mesos_napi
