#include <google/protobuf/stubs/common.h>
#include <mesos/version.hpp>
#include <napi.h>

#include "../executor/executor_driver_wrap.h"
#include "../scheduler/scheduler_driver_wrap.h"
#include "addon_data.h"

namespace mesos_napi {

Napi::Object Init(Napi::Env env, Napi::Object exports) {
  AddonData::Install(env);
  exports.Set("SchedulerDriver", SchedulerDriverWrap::Define(env));
  exports.Set("ExecutorDriver", ExecutorDriverWrap::Define(env));
  exports.Set("mesosVersion", Napi::String::New(env, MESOS_VERSION));
  exports.Set("protobufVersion", Napi::String::New(env, std::to_string(GOOGLE_PROTOBUF_VERSION)));
  return exports;
}

}  // namespace mesos_napi

Napi::Object InitMesosNapi(Napi::Env env, Napi::Object exports) {
  return mesos_napi::Init(env, exports);
}

NODE_API_MODULE(mesos_napi, InitMesosNapi)
