#include "logging_binding.h"

#include <glog/logging.h>

#include <mutex>
#include <string>
#include <thread>

#include "glog_setup.h"
#include "js_log_sink.h"

namespace mesos_napi {

namespace {

std::mutex config_mutex;
GlogConfig config;        // guarded by config_mutex
bool configured = false;  // guarded by config_mutex

int SeverityArg(const Napi::CallbackInfo& info, size_t index, int max) {
  if (!info[index].IsNumber()) throw Napi::TypeError::New(info.Env(), "severity: not a number");
  int value = info[index].As<Napi::Number>().Int32Value();
  if (value < 0 || value > max) {
    throw Napi::RangeError::New(info.Env(), "severity: out of range");
  }
  return value;
}

// configureLogging(minSeverity 0..4, verbose, logDir | null, receiver | null, ifFirst):
// ifFirst: only when nothing configured glog yet (an environment's defaults).
Napi::Value ConfigureLogging(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  if (info[4].ToBoolean().Value()) {
    std::lock_guard<std::mutex> lock(config_mutex);
    if (configured) return env.Undefined();
  }
  GlogConfig next;
  next.min_severity = SeverityArg(info, 0, google::GLOG_FATAL + 1);
  if (!info[1].IsNumber()) throw Napi::TypeError::New(env, "verbose: not a number");
  next.verbose = info[1].As<Napi::Number>().Int32Value();
  if (info[2].IsString()) next.log_dir = info[2].As<Napi::String>().Utf8Value();
  if (info[3].IsFunction()) {
    JsLogSink::Instance().Route(env, info[3].As<Napi::Function>(), next.min_severity);
  } else {
    JsLogSink::Instance().Unroute(env);
  }
  // Another environment's receiver (a worker's, or the main thread's) keeps its records.
  next.routed = JsLogSink::Instance().Routed();
  std::lock_guard<std::mutex> lock(config_mutex);
  config = next;
  configured = true;
  ApplyGlogConfig(config);
  return env.Undefined();
}

Napi::Value DrainLogRecords(const Napi::CallbackInfo& info) {
  JsLogSink::Instance().Drain(info.Env());
  return info.Env().Undefined();
}

// logForTesting(severity, count, message): logs count records through glog from a thread
// of its own, and waits for it; the JS thread is blocked meanwhile, as it is under a busy
// handler. For the tests of the sink (a FATAL record ends the process, as glog does).
Napi::Value LogForTesting(const Napi::CallbackInfo& info) {
  const int severity = SeverityArg(info, 0, google::GLOG_FATAL);
  if (!info[1].IsNumber()) throw Napi::TypeError::New(info.Env(), "count: not a number");
  const int64_t count = info[1].As<Napi::Number>().Int64Value();
  const std::string message = info[2].ToString().Utf8Value();
  std::thread logger([=] {
    for (int64_t i = 0; i < count; i++) LOG_AT_LEVEL(severity) << message << " " << i;
  });
  logger.join();
  return info.Env().Undefined();
}

void OnEnvTeardown(void* env) {
  if (!JsLogSink::Instance().Unroute(static_cast<napi_env>(env))) return;
  std::lock_guard<std::mutex> lock(config_mutex);
  config.routed = JsLogSink::Instance().Routed();
  ApplyGlogConfig(config);
}

}  // namespace

void InstallLogging(Napi::Env env, Napi::Object exports) {
  // false: this libmesos does not export its logging::initialize (or glog was initialized
  // before): its first driver will set glog's flags from its own MESOS_* logging flags.
  exports.Set("glogInitializedByAddon", Napi::Boolean::New(env, InitializeGlogOnce()));
  napi_add_env_cleanup_hook(env, OnEnvTeardown, static_cast<napi_env>(env));
  exports.Set("configureLogging", Napi::Function::New(env, ConfigureLogging));
  exports.Set("drainLogRecords", Napi::Function::New(env, DrainLogRecords));
  exports.Set("logForTesting", Napi::Function::New(env, LogForTesting));
}

}  // namespace mesos_napi
