#include "zookeeper_clients.h"

#include <stdlib.h>

#include <algorithm>
#include <mutex>
#include <string>
#include <thread>

#include "process_environment.h"

namespace mesos_napi {

namespace {

std::mutex mutex;
int held = 0;
int workers = 0;

// libprocess's own default when the variable is unset or invalid.
int DefaultWorkers() { return std::max(8, static_cast<int>(std::thread::hardware_concurrency())); }

int ConfiguredWorkers() {
  const char* value = getenv("LIBPROCESS_NUM_WORKER_THREADS");
  if (value == nullptr) return DefaultWorkers();
  try {
    size_t end = 0;
    const int number = std::stoi(value, &end);
    if (end == std::string(value).size() && number > 0) return number;
  } catch (const std::exception&) {
    // libprocess falls back on its default.
  }
  return DefaultWorkers();
}

}  // namespace

void ConfigureLibprocessWorkers() {
  static std::once_flag once;
  std::call_once(once, [] {
    int configured = 0;
    {
      NodeEnvironmentHold node;
      std::lock_guard<std::mutex> environment(ProcessEnvironmentMutex());
      if (getenv("LIBPROCESS_NUM_WORKER_THREADS") == nullptr) {
        const int count = std::max(16, static_cast<int>(std::thread::hardware_concurrency()));
        setenv("LIBPROCESS_NUM_WORKER_THREADS", std::to_string(count).c_str(), 0);
      }
      configured = ConfiguredWorkers();
    }
    std::lock_guard<std::mutex> lock(mutex);
    workers = configured;
  });
}

int ZooKeeperClientLimit() {
  std::lock_guard<std::mutex> lock(mutex);
  // Two workers kept free: one runs the clients' processes, one everything else.
  return std::max(1, workers - 2);
}

std::shared_ptr<void> AcquireZooKeeperClients(Napi::Env env, int count, const char* what) {
  const int limit = ZooKeeperClientLimit();
  std::lock_guard<std::mutex> lock(mutex);
  if (held + count > limit) {
    throw Napi::Error::New(
        env, std::string("zookeeper-client-limit: ") + what + " needs " + std::to_string(count) +
                 " ZooKeeper client(s); the process holds " + std::to_string(held) +
                 " of at most " + std::to_string(limit) +
                 " (LIBPROCESS_NUM_WORKER_THREADS=" + std::to_string(workers) + " minus 2)");
  }
  held += count;
  return std::shared_ptr<void>(nullptr, [count](void*) {
    std::lock_guard<std::mutex> lock(mutex);
    held -= count;
  });
}

}  // namespace mesos_napi
