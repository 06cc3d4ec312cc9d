#pragma once

#include <memory>
#include <optional>
#include <string>

namespace mesos_napi {

// libmesos runs one in-process cluster (master=local) per process: launching a second
// kills the process (LOG(FATAL) in local.cpp), and deleting any master=local driver shuts
// the one cluster down. A lease is taken before libmesos's driver is constructed and
// given back after it has been deleted, by one driver at a time in the whole process,
// workers included. Giving it back also removes the work directory the cluster was
// given, when the caller created it for this driver.
class LocalClusterLease {
 public:
  // Returns the lease, or nullptr with *holder set to the live driver's description.
  static std::shared_ptr<LocalClusterLease> Take(const std::string& description,
                                                 std::optional<std::string> owned_work_dir,
                                                 std::string* holder);
  ~LocalClusterLease();

  LocalClusterLease(const LocalClusterLease&) = delete;
  LocalClusterLease& operator=(const LocalClusterLease&) = delete;

 private:
  explicit LocalClusterLease(std::optional<std::string> owned_work_dir)
      : owned_work_dir_(std::move(owned_work_dir)) {}

  std::optional<std::string> owned_work_dir_;
};

}  // namespace mesos_napi
