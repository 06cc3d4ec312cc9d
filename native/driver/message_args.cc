#include "message_args.h"

namespace mesos_napi {

std::string BytesArg(const Napi::Value& value, const std::string& what) {
  if (!value.IsTypedArray() || value.As<Napi::TypedArray>().TypedArrayType() != napi_uint8_array) {
    throw Napi::TypeError::New(value.Env(), what + ": expected a Uint8Array");
  }
  auto array = value.As<Napi::Uint8Array>();
  return std::string(reinterpret_cast<const char*>(array.Data()), array.ByteLength());
}

std::vector<std::string> StringListArg(const Napi::Value& value, const std::string& what) {
  if (!value.IsArray()) throw Napi::TypeError::New(value.Env(), what + ": expected an array");
  Napi::Array array = value.As<Napi::Array>();
  std::vector<std::string> strings;
  strings.reserve(array.Length());
  for (uint32_t i = 0; i < array.Length(); i++) {
    strings.push_back(StringArg(array.Get(i), what + "[" + std::to_string(i) + "]"));
  }
  return strings;
}

std::optional<std::vector<std::string>> OptionalStringListArg(const Napi::Value& value,
                                                              const std::string& what) {
  if (value.IsNull() || value.IsUndefined()) return std::nullopt;
  return StringListArg(value, what);
}

std::map<std::string, std::string> StringMapArg(const Napi::Value& value, const std::string& what) {
  if (!value.IsObject()) throw Napi::TypeError::New(value.Env(), what + ": expected an object");
  Napi::Object object = value.As<Napi::Object>();
  Napi::Array keys = object.GetPropertyNames();
  std::map<std::string, std::string> map;
  for (uint32_t i = 0; i < keys.Length(); i++) {
    std::string key = keys.Get(i).ToString();
    map[key] = StringArg(object.Get(key), what + "." + key);
  }
  return map;
}

bool BoolArg(const Napi::Value& value, const std::string& what) {
  if (!value.IsBoolean()) throw Napi::TypeError::New(value.Env(), what + ": expected a boolean");
  return value.As<Napi::Boolean>().Value();
}

Napi::Function FunctionArg(const Napi::Value& value, const std::string& what) {
  if (!value.IsFunction()) throw Napi::TypeError::New(value.Env(), what + ": expected a function");
  return value.As<Napi::Function>();
}

std::string StringArg(const Napi::Value& value, const std::string& what) {
  if (!value.IsString()) throw Napi::TypeError::New(value.Env(), what + ": expected a string");
  return value.As<Napi::String>().Utf8Value();
}

}  // namespace mesos_napi
