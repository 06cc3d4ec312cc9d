#pragma once

#include <cstdlib>
#include <map>
#include <string>
#include <vector>

namespace mesos_napi {

// Sets the variables that are unset, for as long as it lives (libmesos reads them while the
// driver is constructed), then unsets them again, so that nothing leaks into later drivers or
// child processes.
class EnvironmentDefaults {
 public:
  explicit EnvironmentDefaults(const std::map<std::string, std::string>& defaults) {
    for (const auto& [name, value] : defaults) {
      if (std::getenv(name.c_str()) == nullptr && ::setenv(name.c_str(), value.c_str(), 0) == 0) {
        set_.emplace_back(name, value);
      }
    }
  }
  ~EnvironmentDefaults() {
    for (const auto& [name, value] : set_) {
      const char* current = std::getenv(name.c_str());
      if (current != nullptr && value == current) ::unsetenv(name.c_str());
    }
  }
  EnvironmentDefaults(const EnvironmentDefaults&) = delete;
  EnvironmentDefaults& operator=(const EnvironmentDefaults&) = delete;

 private:
  std::vector<std::pair<std::string, std::string>> set_;
};

}  // namespace mesos_napi
