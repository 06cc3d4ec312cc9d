#pragma once

#include <map>
#include <mutex>
#include <string>

namespace mesos_napi {

// The process's real environment (process.env is a copy inside worker threads), as
// libmesos reads it.
std::map<std::string, std::string> ReadProcessEnvironment();

// Held by this addon around every read and change of the real environment. glibc's
// environment is not thread-safe; this orders the addon's own accesses (across workers)
// and the change libmesos makes while the addon constructs a v1 executor, not Node's or
// libmesos's others.
std::mutex& ProcessEnvironmentMutex();

}  // namespace mesos_napi
