#pragma once

#include <napi.h>

#include <cmath>
#include <cstdint>
#include <mesos/zookeeper/authentication.hpp>
#include <stout/duration.hpp>
#include <stout/none.hpp>
#include <stout/option.hpp>
#include <string>

// Type checks of arguments TypeScript has already validated: a wrong type here is a bug in
// the TypeScript layer, reported as a TypeError naming the argument.
namespace mesos_napi {

inline std::string StringArg(Napi::Value value, const char* name) {
  if (!value.IsString())
    throw Napi::TypeError::New(value.Env(), std::string(name) + ": expected a string");
  return value.As<Napi::String>().Utf8Value();
}

inline std::string BytesArg(Napi::Value value, const char* name) {
  if (!value.IsTypedArray() || value.As<Napi::TypedArray>().TypedArrayType() != napi_uint8_array) {
    throw Napi::TypeError::New(value.Env(), std::string(name) + ": expected a Uint8Array");
  }
  Napi::Uint8Array bytes = value.As<Napi::Uint8Array>();
  return std::string(reinterpret_cast<const char*>(bytes.Data()), bytes.ByteLength());
}

inline uint32_t Uint32Arg(Napi::Value value, const char* name) {
  double number = value.IsNumber() ? value.As<Napi::Number>().DoubleValue() : -1;
  if (!(number >= 0 && number <= UINT32_MAX && std::floor(number) == number)) {
    throw Napi::TypeError::New(value.Env(),
                               std::string(name) + ": expected an integer from 0 to 2^32 - 1");
  }
  return static_cast<uint32_t>(number);
}

// A positive whole number of milliseconds.
inline Duration MillisecondsArg(Napi::Value value, const char* name) {
  double number = value.IsNumber() ? value.As<Napi::Number>().DoubleValue() : -1;
  if (!(number >= 1 && number <= INT32_MAX && std::floor(number) == number)) {
    throw Napi::TypeError::New(value.Env(),
                               std::string(name) + ": expected a whole number of milliseconds");
  }
  return Milliseconds(static_cast<int64_t>(number));
}

inline Option<Duration> OptionalMillisecondsArg(Napi::Value value, const char* name) {
  if (value.IsUndefined() || value.IsNull()) return None();
  return MillisecondsArg(value, name);
}

// ZooKeeper authentication: both null, or a scheme and its credentials.
inline Option<zookeeper::Authentication> AuthenticationArgs(Napi::Value scheme,
                                                            Napi::Value credentials) {
  if (scheme.IsNull() || scheme.IsUndefined()) return None();
  return zookeeper::Authentication(StringArg(scheme, "scheme"),
                                   BytesArg(credentials, "credentials"));
}

}  // namespace mesos_napi
