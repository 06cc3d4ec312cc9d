#include "local_cluster_lease.h"

#include <filesystem>
#include <mutex>

namespace mesos_napi {

namespace {

// Shared by every environment: the addon is loaded once per process.
std::mutex lease_mutex;
std::optional<std::string> lease_holder;

}  // namespace

std::shared_ptr<LocalClusterLease> LocalClusterLease::Take(
    const std::string& description, std::optional<std::string> owned_work_dir,
    std::string* holder) {
  std::lock_guard<std::mutex> lock(lease_mutex);
  if (lease_holder) {
    *holder = *lease_holder;
    return nullptr;
  }
  lease_holder = description;
  return std::shared_ptr<LocalClusterLease>(new LocalClusterLease(std::move(owned_work_dir)));
}

LocalClusterLease::~LocalClusterLease() {
  if (owned_work_dir_) {
    std::error_code ignored;
    std::filesystem::remove_all(*owned_work_dir_, ignored);
  }
  std::lock_guard<std::mutex> lock(lease_mutex);
  lease_holder.reset();
}

}  // namespace mesos_napi
