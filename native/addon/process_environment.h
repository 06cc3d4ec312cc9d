#pragma once

#include <map>
#include <mutex>
#include <string>

namespace mesos_napi {

// The process's real environment (process.env is a copy inside worker threads), as
// libmesos reads it.
std::map<std::string, std::string> ReadProcessEnvironment();

// Held by this addon around every read and change of the real environment. glibc's
// environment is not thread-safe; this orders the addon's own accesses (across workers),
// not libmesos's or Node's.
std::mutex& ProcessEnvironmentMutex();

}  // namespace mesos_napi
