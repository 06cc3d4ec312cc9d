#pragma once

#include <napi.h>

#include <mesos/state/storage.hpp>

namespace mesos_napi {

// An immutable variable of a State: the entry (name, uuid, value) a
// mesos::state::Variable holds. Made only by the addon (a State's fetch or store), always
// with a uuid that is a UUID; JavaScript cannot construct one.
class VariableWrap : public Napi::ObjectWrap<VariableWrap> {
 public:
  static void Define(Napi::Env env);
  static Napi::Object New(Napi::Env env, const mesos::internal::state::Entry& entry);
  // The entry of a VariableWrap made in this environment; throws a TypeError naming
  // `what` for anything else.
  static const mesos::internal::state::Entry& From(Napi::Value value, const char* what);

  explicit VariableWrap(const Napi::CallbackInfo& info);

 private:
  Napi::Value Value(const Napi::CallbackInfo& info);
  Napi::Value Mutate(const Napi::CallbackInfo& info);

  mesos::internal::state::Entry entry_;
};

}  // namespace mesos_napi
