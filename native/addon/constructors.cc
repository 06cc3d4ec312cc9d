#include "constructors.h"

#include <map>
#include <mutex>
#include <utility>

namespace mesos_napi {

namespace {

std::mutex mutex;
std::map<std::pair<napi_env, std::string>, Napi::FunctionReference*> constructors;

void Forget(void* env) {
  std::lock_guard<std::mutex> lock(mutex);
  for (auto it = constructors.begin(); it != constructors.end();) {
    if (it->first.first != static_cast<napi_env>(env)) {
      ++it;
      continue;
    }
    delete it->second;
    it = constructors.erase(it);
  }
}

}  // namespace

void RememberConstructor(Napi::Env env, const std::string& name, Napi::Function constructor) {
  bool first = true;
  {
    std::lock_guard<std::mutex> lock(mutex);
    for (const auto& entry : constructors) first = first && entry.first.first != env;
    auto& slot = constructors[{env, name}];
    delete slot;
    slot = new Napi::FunctionReference(Napi::Persistent(constructor));
  }
  if (first) napi_add_env_cleanup_hook(env, Forget, static_cast<napi_env>(env));
}

Napi::Function RememberedConstructor(Napi::Env env, const std::string& name) {
  std::lock_guard<std::mutex> lock(mutex);
  return constructors.at({env, name})->Value();
}

bool IsInstanceOf(Napi::Value value, const std::string& name) {
  return value.IsObject() &&
         value.As<Napi::Object>().InstanceOf(RememberedConstructor(value.Env(), name));
}

}  // namespace mesos_napi
