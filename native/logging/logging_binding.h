#pragma once

#include <napi.h>

namespace mesos_napi {

// Initializes glog once per process (see InitializeGlogOnce) and adds the logging
// functions to exports: configureLogging, drainLogRecords, logForTesting.
void InstallLogging(Napi::Env env, Napi::Object exports);

}  // namespace mesos_napi
