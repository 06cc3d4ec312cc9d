#pragma once

#include <cstdlib>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "process_environment.h"

namespace mesos_napi {

// Sets variables in the real environment for as long as it lives (libmesos reads MESOS_*
// variables there while its driver is constructed and started), then puts back what was
// there before, unless something else changed the variable meanwhile: nothing leaks into
// later drivers or child processes. One scope at a time in the process (every worker):
// two overlapping scopes would each read the other's variables, and the second would put
// back the first's value as what was there before it. Node's environment lock is held for
// the whole scope, so that the main thread's process.env writes wait while libmesos reads
// `environ` from another thread.
class ScopedEnvironment {
 public:
  explicit ScopedEnvironment(const std::map<std::string, std::string>& variables)
      : scope_(ScopeMutex()) {
    std::lock_guard<std::mutex> lock(ProcessEnvironmentMutex());
    for (const auto& [name, value] : variables) {
      const char* previous = std::getenv(name.c_str());
      Saved saved{name, value, previous ? std::optional<std::string>(previous) : std::nullopt};
      if (::setenv(name.c_str(), value.c_str(), 1) == 0) saved_.push_back(std::move(saved));
    }
  }

  ~ScopedEnvironment() {
    std::lock_guard<std::mutex> lock(ProcessEnvironmentMutex());
    for (const Saved& saved : saved_) {
      const char* current = std::getenv(saved.name.c_str());
      if (current == nullptr || saved.value != current) continue;
      if (saved.previous) {
        ::setenv(saved.name.c_str(), saved.previous->c_str(), 1);
      } else {
        ::unsetenv(saved.name.c_str());
      }
    }
  }

  ScopedEnvironment(const ScopedEnvironment&) = delete;
  ScopedEnvironment& operator=(const ScopedEnvironment&) = delete;

 private:
  // Recursive: a scope may begin inside another on the same thread.
  static std::recursive_mutex& ScopeMutex() {
    static std::recursive_mutex mutex;
    return mutex;
  }

  std::unique_lock<std::recursive_mutex> scope_;
  NodeEnvironmentHold node_;
  struct Saved {
    std::string name;
    std::string value;
    std::optional<std::string> previous;
  };
  std::vector<Saved> saved_;
};

}  // namespace mesos_napi
