#pragma once

#include <napi.h>

namespace mesos_napi {

// probeLogZnode(servers, timeoutMs, znode, scheme or null, credentials or null): a Promise
// of null, or of why a ZooKeeper Log must not use znode. libmesos's replica network
// CHECK-fails (aborting the process) on a member of its group whose data is not a
// libprocess PID, such as a LeaderElection's. Reads the znode's children once, on a
// thread of the libuv pool, with a ZooKeeper client of its own. A znode it may not list is
// refused too (libmesos's group fails, and the Log ends the process with LOG(FATAL)). What
// it cannot tell (ZooKeeper unreachable within the timeout) it leaves to libmesos.
Napi::Value ProbeLogZnode(const Napi::CallbackInfo& info);

}  // namespace mesos_napi
