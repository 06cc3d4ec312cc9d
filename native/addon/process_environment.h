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
// and the change libmesos makes while the addon constructs a v1 executor; Node's own
// accesses are ordered by NodeEnvironmentHold.
std::mutex& ProcessEnvironmentMutex();

// Holds Node's own lock on the environment (node::per_process::env_var_mutex, which every
// read and write of the main thread's process.env takes) on this thread for as long as it
// lives, unless this thread holds it already: while held, no setenv of Node's moves
// `environ` under a thread walking it. Found among the symbols Node exports; in a Node
// that does not export it, nothing is held. Take it before ProcessEnvironmentMutex.
class NodeEnvironmentHold {
 public:
  NodeEnvironmentHold();
  ~NodeEnvironmentHold();

  NodeEnvironmentHold(const NodeEnvironmentHold&) = delete;
  NodeEnvironmentHold& operator=(const NodeEnvironmentHold&) = delete;
};

}  // namespace mesos_napi
