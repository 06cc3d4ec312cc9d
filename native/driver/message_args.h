#pragma once

#include <google/protobuf/message.h>
#include <napi.h>

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace mesos_napi {

// Arguments arriving from JavaScript. Each throws a TypeError naming the argument when it
// is not what the native contract says, so nothing malformed reaches libmesos (which
// aborts the process on a protobuf that does not parse).

std::string BytesArg(const Napi::Value& value, const std::string& what);

// The Uint8Array's bytes, read in place (valid while the call runs); throws naming `what()`.
template <typename What>
Napi::Uint8Array Uint8ArrayArg(const Napi::Value& value, What what) {
  if (!value.IsTypedArray() || value.As<Napi::TypedArray>().TypedArrayType() != napi_uint8_array) {
    throw Napi::TypeError::New(value.Env(), what() + ": expected a Uint8Array");
  }
  return value.As<Napi::Uint8Array>();
}

// Parses straight from the Uint8Array, with no copy; `what()` names the argument, built
// only for an error.
template <typename Message, typename What>
Message ParsedArg(const Napi::Value& value, What what) {
  Napi::Uint8Array array = Uint8ArrayArg(value, what);
  Message message;
  if (array.ByteLength() > static_cast<size_t>(INT32_MAX) ||
      !message.ParsePartialFromArray(array.Data(), static_cast<int>(array.ByteLength()))) {
    throw Napi::TypeError::New(value.Env(), what() + ": not a serialized " + message.GetTypeName());
  }
  if (!message.IsInitialized()) {
    throw Napi::TypeError::New(value.Env(), what() + ": " + message.GetTypeName() +
                                                " is missing required fields (" +
                                                message.InitializationErrorString() + ")");
  }
  return message;
}

template <typename Message>
Message MessageArg(const Napi::Value& value, const std::string& what) {
  return ParsedArg<Message>(value, [&] { return what; });
}

template <typename Message>
std::optional<Message> OptionalMessageArg(const Napi::Value& value, const std::string& what) {
  if (value.IsNull() || value.IsUndefined()) return std::nullopt;
  return MessageArg<Message>(value, what);
}

template <typename Message>
std::vector<Message> MessageListArg(const Napi::Value& value, const std::string& what) {
  if (!value.IsArray()) throw Napi::TypeError::New(value.Env(), what + ": expected an array");
  Napi::Array array = value.As<Napi::Array>();
  const uint32_t length = array.Length();
  std::vector<Message> messages;
  messages.reserve(length);
  for (uint32_t i = 0; i < length; i++) {
    messages.push_back(
        ParsedArg<Message>(array.Get(i), [&] { return what + "[" + std::to_string(i) + "]"; }));
  }
  return messages;
}

std::vector<std::string> StringListArg(const Napi::Value& value, const std::string& what);

std::optional<std::vector<std::string>> OptionalStringListArg(const Napi::Value& value,
                                                              const std::string& what);

std::map<std::string, std::string> StringMapArg(const Napi::Value& value, const std::string& what);

bool BoolArg(const Napi::Value& value, const std::string& what);

Napi::Function FunctionArg(const Napi::Value& value, const std::string& what);

std::string StringArg(const Napi::Value& value, const std::string& what);

}  // namespace mesos_napi
