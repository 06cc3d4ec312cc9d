#pragma once

#include <napi.h>

#include <memory>

#include "../addon/addon_data.h"
#include "../addon/lifecycle_callbacks.h"
#include "../bridge/event_bridge.h"
#include "election_process.h"

namespace mesos_napi {

// ZooKeeperElection of the native contract (src/native/binding.ts): an ElectionProcess
// and the bridge its events cross. From construction until close() has finished it keeps
// the process alive and itself from being collected; close() and environment teardown
// stop the libprocess process and delete the ZooKeeper group (which ends the session, so
// the membership goes at once), close() off the JS thread.
class ElectionWrap : public Napi::ObjectWrap<ElectionWrap>, public LiveDriver {
 public:
  static Napi::Function Define(Napi::Env env);
  explicit ElectionWrap(const Napi::CallbackInfo& info);
  ~ElectionWrap() override;

  void Teardown() override;

 private:
  Napi::Value Contend(const Napi::CallbackInfo& info);
  Napi::Value Withdraw(const Napi::CallbackInfo& info);
  Napi::Value Check(const Napi::CallbackInfo& info);
  Napi::Value Close(const Napi::CallbackInfo& info);

  void CheckOpen(Napi::Env env, const char* call) const;
  void OnClosed();

  std::shared_ptr<AddonData> addon_;
  std::shared_ptr<EventBridge> bridge_;
  ElectionProcess* process_ = nullptr;
  std::shared_ptr<void> zookeeper_clients_;  // given back once process_ is deleted
  CloseOffThread close_;
  Napi::ObjectReference self_;
  bool torn_down_ = false;
};

}  // namespace mesos_napi
