#pragma once

#include <napi.h>

#include <vector>

#include "event.h"

namespace mesos_napi {

Napi::Value EventArgToJs(Napi::Env env, const EventArg& arg);

// The arguments of NativeDispatch: the event name, then its arguments.
std::vector<napi_value> EventToDispatchArgs(Napi::Env env, const Event& event);

}  // namespace mesos_napi
