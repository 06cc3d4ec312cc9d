#pragma once

#include <napi.h>

#include <memory>

#include "event_bridge.h"

namespace mesos_napi {

// { queued, maxQueued, waits, waitSeconds, maxWaitSeconds }, or undefined without a bridge.
inline Napi::Value BridgeStatsToJs(Napi::Env env, const std::shared_ptr<EventBridge>& bridge) {
  if (!bridge) return env.Undefined();
  EventBridge::Stats stats = bridge->GetStats();
  Napi::Object object = Napi::Object::New(env);
  object.Set("queued", static_cast<double>(stats.queued));
  object.Set("maxQueued", static_cast<double>(stats.max_queued));
  object.Set("waits", static_cast<double>(stats.waits));
  object.Set("waitSeconds", stats.wait_seconds);
  object.Set("maxWaitSeconds", stats.max_wait_seconds);
  return object;
}

}  // namespace mesos_napi
