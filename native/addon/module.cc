#include <google/protobuf/stubs/common.h>
#include <napi.h>

#include <mesos/version.hpp>

#include "../executor/executor_driver_wrap.h"
#include "../ha/election_wrap.h"
#include "../log/log_reader_wrap.h"
#include "../log/log_wrap.h"
#include "../log/log_writer_wrap.h"
#include "../log/znode_probe.h"
#include "../logging/logging_binding.h"
#include "../scheduler/scheduler_driver_wrap.h"
#include "../state/state_wrap.h"
#include "../state/variable_wrap.h"
#include "../v1/executor_mesos_wrap.h"
#include "../v1/scheduler_mesos_wrap.h"
#include "addon_data.h"
#include "process_environment.h"
#include "zookeeper_clients.h"

namespace mesos_napi {

namespace {

Napi::Value ProcessEnvironment(const Napi::CallbackInfo& info) {
  Napi::Object result = Napi::Object::New(info.Env());
  for (const auto& [name, value] : ReadProcessEnvironment()) result.Set(name, value);
  return result;
}

Napi::Value TeardownDrivers(const Napi::CallbackInfo& info) {
  AddonData::From(info.Env())->Teardown();
  return info.Env().Undefined();
}

}  // namespace

Napi::Object Init(Napi::Env env, Napi::Object exports) {
  ConfigureLibprocessWorkers();
  AddonData::Install(env);
  InstallLogging(env, exports);
  exports.Set("SchedulerDriver", SchedulerDriverWrap::Define(env));
  exports.Set("ExecutorDriver", ExecutorDriverWrap::Define(env));
  exports.Set("ZooKeeperElection", ElectionWrap::Define(env));
  exports.Set("V1SchedulerMesos", SchedulerMesosWrap::Define(env));
  exports.Set("V1ExecutorMesos", ExecutorMesosWrap::Define(env));
  exports.Set("processEnvironment", Napi::Function::New(env, ProcessEnvironment));
  exports.Set("teardownDrivers", Napi::Function::New(env, TeardownDrivers));
  exports.Set("State", StateWrap::Define(env));
  VariableWrap::Define(env);
  exports.Set("Log", LogWrap::Define(env));
  exports.Set("LogReader", LogReaderWrap::Define(env));
  exports.Set("LogWriter", LogWriterWrap::Define(env));
  exports.Set("probeLogZnode", Napi::Function::New(env, ProbeLogZnode));
  exports.Set("logDeletions", Napi::Function::New(env, LogDeletions));
  exports.Set("zookeeperClientLimit", Napi::Function::New(env, [](const Napi::CallbackInfo& info) {
                return Napi::Number::New(info.Env(), ZooKeeperClientLimit());
              }));
  exports.Set("mesosVersion", Napi::String::New(env, MESOS_VERSION));
  Napi::Array versionNumbers = Napi::Array::New(env, 3);
  versionNumbers.Set(0u, MESOS_MAJOR_VERSION_NUM);
  versionNumbers.Set(1u, MESOS_MINOR_VERSION_NUM);
  versionNumbers.Set(2u, MESOS_PATCH_VERSION_NUM);
  exports.Set("mesosVersionNumbers", versionNumbers);
  exports.Set("protobufVersion", Napi::String::New(env, std::to_string(GOOGLE_PROTOBUF_VERSION)));
  return exports;
}

}  // namespace mesos_napi

Napi::Object InitMesosNapi(Napi::Env env, Napi::Object exports) {
  return mesos_napi::Init(env, exports);
}

NODE_API_MODULE(mesos_napi, InitMesosNapi)
