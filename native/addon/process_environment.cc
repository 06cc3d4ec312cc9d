#include "process_environment.h"

#include <dlfcn.h>
#include <pthread.h>
#include <unistd.h>

extern char** environ;

namespace mesos_napi {

namespace {

// node::Mutex wraps a single uv_mutex_t (src/node_mutex.h), a pthread_mutex_t on Linux.
pthread_mutex_t* NodeEnvironmentMutex() {
  static pthread_mutex_t* mutex =
      static_cast<pthread_mutex_t*>(dlsym(RTLD_DEFAULT, "_ZN4node11per_process13env_var_mutexE"));
  return mutex;
}

thread_local int node_holds = 0;

}  // namespace

NodeEnvironmentHold::NodeEnvironmentHold() {
  if (node_holds++ == 0 && NodeEnvironmentMutex() != nullptr) {
    pthread_mutex_lock(NodeEnvironmentMutex());
  }
}

NodeEnvironmentHold::~NodeEnvironmentHold() {
  if (--node_holds == 0 && NodeEnvironmentMutex() != nullptr) {
    pthread_mutex_unlock(NodeEnvironmentMutex());
  }
}

std::mutex& ProcessEnvironmentMutex() {
  static std::mutex mutex;
  return mutex;
}

std::map<std::string, std::string> ReadProcessEnvironment() {
  NodeEnvironmentHold node;
  std::lock_guard<std::mutex> lock(ProcessEnvironmentMutex());
  std::map<std::string, std::string> result;
  for (char** entry = environ; *entry != nullptr; entry++) {
    std::string pair(*entry);
    size_t equals = pair.find('=');
    if (equals == std::string::npos) continue;
    result.emplace(pair.substr(0, equals), pair.substr(equals + 1));
  }
  return result;
}

}  // namespace mesos_napi
