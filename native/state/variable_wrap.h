#pragma once

#include <napi.h>

#include <mesos/state/state.hpp>
#include <optional>

namespace mesos_napi {

// An immutable mesos::state::Variable. Made only by the addon (a State's fetch or store);
// JavaScript cannot construct one.
class VariableWrap : public Napi::ObjectWrap<VariableWrap> {
 public:
  static void Define(Napi::Env env);
  static Napi::Object New(Napi::Env env, const mesos::state::Variable& variable);
  // The variable of a VariableWrap made in this environment; throws a TypeError naming
  // `what` for anything else.
  static const mesos::state::Variable& From(Napi::Value value, const char* what);

  explicit VariableWrap(const Napi::CallbackInfo& info);

 private:
  Napi::Value Value(const Napi::CallbackInfo& info);
  Napi::Value Mutate(const Napi::CallbackInfo& info);

  std::optional<mesos::state::Variable> variable_;
};

}  // namespace mesos_napi
