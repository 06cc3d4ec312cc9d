#include "glog_setup.h"

#include <glog/logging.h>

#include <algorithm>
#include <mutex>
#include <stout/option.hpp>

// libmesos's own initialization (src/logging/logging.hpp, not among its installed
// headers), and glog's internal test of InitGoogleLogging(): both resolved at load time
// when libmesos exports them, else null.
namespace mesos::internal::logging {
class Flags;
void initialize(const std::string& argv0, bool installFailureSignalHandler,
                const Option<Flags>& flags) __attribute__((weak));
}  // namespace mesos::internal::logging

namespace google::glog_internal_namespace_ {
bool IsGoogleLoggingInitialized() __attribute__((weak));
}  // namespace google::glog_internal_namespace_

namespace mesos_napi {

namespace {

// An Option<logging::Flags> that is None. logging::initialize() reads nothing of it but
// stout's Option state (its first member: SOME 0, NONE 1); the Flags type is not
// installed, so the Option cannot be built.
struct NoFlags {
  int state = 1;
  alignas(16) unsigned char unused[1024] = {};
};

bool Initialize() {
  if (mesos::internal::logging::initialize == nullptr) return false;
  if (google::glog_internal_namespace_::IsGoogleLoggingInitialized != nullptr &&
      google::glog_internal_namespace_::IsGoogleLoggingInitialized()) {
    return false;
  }
  static const NoFlags none;
  mesos::internal::logging::initialize(
      "mesos-napi", false, reinterpret_cast<const Option<mesos::internal::logging::Flags>&>(none));
  return true;
}

}  // namespace

bool InitializeGlogOnce() {
  static std::once_flag once;
  static bool initialized = false;
  std::call_once(once, [] { initialized = Initialize(); });
  return initialized;
}

void ApplyGlogConfig(const GlogConfig& config) {
  static std::mutex mutex;
  static bool destinations_cleared = false;
  std::lock_guard<std::mutex> lock(mutex);
  const int threshold = std::min(config.min_severity, static_cast<int>(google::GLOG_FATAL));
  const bool files = !config.log_dir.empty();
  FLAGS_minloglevel = threshold;
  FLAGS_v = config.verbose;
  if (files) {
    FLAGS_log_dir = config.log_dir;
  } else if (!destinations_cleared) {
    // glog writes files whenever it does not log to stderr alone: an empty base name
    // keeps it from creating any.
    for (int severity = 0; severity < google::NUM_SEVERITIES; severity++) {
      google::SetLogDestination(severity, "");
    }
    destinations_cleared = true;
  }
  FLAGS_logtostderr = !files && !config.routed;
  FLAGS_alsologtostderr = false;
  FLAGS_stderrthreshold = config.routed ? static_cast<int>(google::GLOG_FATAL) : threshold;
}

}  // namespace mesos_napi
