#pragma once

#include <napi.h>

#include <memory>

namespace mesos_napi {

// libmesos's ZooKeeper group and storage make blocking calls on libprocess worker threads,
// each waiting for the ZooKeeper client's process to run on another worker: with as many
// of them blocked as there are workers, none is left to run it, and the process hangs.
// ZooKeeper clients are therefore counted per process and held below the worker count.

// Before libprocess starts: gives it max(16, cores) workers unless
// LIBPROCESS_NUM_WORKER_THREADS is set. Once per process, from the first environment.
void ConfigureLibprocessWorkers();

// Takes `count` clients for `what`; the returned token gives them back when destroyed.
// Throws an Error whose message starts with "zookeeper-client-limit: " when the process
// would hold more than the limit.
std::shared_ptr<void> AcquireZooKeeperClients(Napi::Env env, int count, const char* what);

// The most ZooKeeper clients the process may hold at once.
int ZooKeeperClientLimit();

}  // namespace mesos_napi
