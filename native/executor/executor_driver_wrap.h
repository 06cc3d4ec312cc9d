#pragma once

#include <mesos/executor.hpp>

#include "../driver/driver_wrap.h"
#include "forwarding_executor.h"

namespace mesos_napi {

// ExecutorDriver of the native contract (src/native/binding.ts) on libmesos's
// MesosExecutorDriver.
class ExecutorDriverWrap
    : public DriverWrap<ExecutorDriverWrap, mesos::MesosExecutorDriver, ForwardingExecutor> {
 public:
  static Napi::Function Define(Napi::Env env);
  explicit ExecutorDriverWrap(const Napi::CallbackInfo& info);

  // ~MesosExecutorDriver terminates its process without the null check the scheduler
  // driver has: deleting one whose start() never ran the process kills ours (SIGSEGV).
  static bool Deletable(bool launched) { return launched; }

 private:
  Napi::Value Stop(const Napi::CallbackInfo& info);
  Napi::Value SendStatusUpdate(const Napi::CallbackInfo& info);
  Napi::Value SendFrameworkMessage(const Napi::CallbackInfo& info);
};

}  // namespace mesos_napi
