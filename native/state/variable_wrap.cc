#include "variable_wrap.h"

#include <string>

#include "../addon/constructors.h"

namespace mesos_napi {

void VariableWrap::Define(Napi::Env env) {
  Napi::Function constructor = DefineClass(env, "Variable",
                                           {InstanceMethod("value", &VariableWrap::Value),
                                            InstanceMethod("mutate", &VariableWrap::Mutate)});
  RememberConstructor(env, "Variable", constructor);
}

Napi::Object VariableWrap::New(Napi::Env env, const mesos::internal::state::Entry& entry) {
  mesos::internal::state::Entry copy(entry);
  return RememberedConstructor(env, "Variable")
      .New({Napi::External<mesos::internal::state::Entry>::New(env, &copy)});
}

const mesos::internal::state::Entry& VariableWrap::From(Napi::Value value, const char* what) {
  Napi::Env env = value.Env();
  if (!IsInstanceOf(value, "Variable")) {
    throw Napi::TypeError::New(env, std::string(what) + ": expected a Variable of this addon");
  }
  return Unwrap(value.As<Napi::Object>())->entry_;
}

VariableWrap::VariableWrap(const Napi::CallbackInfo& info) : Napi::ObjectWrap<VariableWrap>(info) {
  if (info.Length() != 1 || !info[0].IsExternal()) {
    throw Napi::TypeError::New(info.Env(), "Variables come from State.fetch() or State.store()");
  }
  entry_ = *info[0].As<Napi::External<mesos::internal::state::Entry>>().Data();
}

Napi::Value VariableWrap::Value(const Napi::CallbackInfo& info) {
  const std::string& value = entry_.value();
  return Napi::Buffer<char>::Copy(info.Env(), value.data(), value.size());
}

Napi::Value VariableWrap::Mutate(const Napi::CallbackInfo& info) {
  if (!info[0].IsTypedArray() ||
      info[0].As<Napi::TypedArray>().TypedArrayType() != napi_uint8_array) {
    throw Napi::TypeError::New(info.Env(), "mutate(value): expected a Uint8Array");
  }
  Napi::Uint8Array bytes = info[0].As<Napi::Uint8Array>();
  mesos::internal::state::Entry mutated(entry_);
  mutated.set_value(std::string(reinterpret_cast<const char*>(bytes.Data()), bytes.ByteLength()));
  return New(info.Env(), mutated);
}

}  // namespace mesos_napi
