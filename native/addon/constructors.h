#pragma once

#include <napi.h>

#include <string>

namespace mesos_napi {

// Classes the addon instantiates or recognises itself, remembered per environment (main
// thread, each worker) and forgotten at its teardown.
void RememberConstructor(Napi::Env env, const std::string& name, Napi::Function constructor);
Napi::Function RememberedConstructor(Napi::Env env, const std::string& name);
// Whether value is an instance of the class remembered under name.
bool IsInstanceOf(Napi::Value value, const std::string& name);

}  // namespace mesos_napi
