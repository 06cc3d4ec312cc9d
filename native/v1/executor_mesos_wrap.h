#pragma once

#include <mesos/v1/executor.hpp>

#include "library_wrap.h"

namespace mesos_napi {

// V1ExecutorMesos of the native contract (src/native/binding.ts) on libmesos's
// mesos::v1::executor::Mesos, constructed with an explicit environment.
class ExecutorMesosWrap : public LibraryWrap<ExecutorMesosWrap, mesos::v1::executor::Mesos> {
 public:
  static Napi::Function Define(Napi::Env env);
  explicit ExecutorMesosWrap(const Napi::CallbackInfo& info);

 private:
  Napi::Value Send(const Napi::CallbackInfo& info);
};

}  // namespace mesos_napi
