#include "process_environment.h"

#include <unistd.h>

extern char** environ;

namespace mesos_napi {

std::mutex& ProcessEnvironmentMutex() {
  static std::mutex mutex;
  return mutex;
}

std::map<std::string, std::string> ReadProcessEnvironment() {
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
