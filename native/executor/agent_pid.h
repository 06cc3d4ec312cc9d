#pragma once

#include <napi.h>

#include <map>
#include <process/pid.hpp>
#include <string>

namespace mesos_napi {

// Both executor libraries CHECK-fail, ending the process, on a MESOS_SLAVE_PID that
// libprocess cannot parse: one whose host is neither an IPv4 address nor a name that
// resolves. Parsed here the same way first (the lookup libmesos would make on this thread).
inline void CheckAgentPid(Napi::Env env, const std::map<std::string, std::string>& environment) {
  auto pid = environment.find("MESOS_SLAVE_PID");
  if (pid == environment.end() || process::UPID(pid->second)) return;
  Napi::Error error = Napi::Error::New(
      env, "MESOS_SLAVE_PID '" + pid->second +
               "' is not a pid libprocess can parse (its host is not an IPv4 address and does "
               "not resolve)");
  error.Set("code", Napi::String::New(env, "MESOS_NAPI_EXECUTOR_ENVIRONMENT"));
  throw error;
}

}  // namespace mesos_napi
