#pragma once

#include <google/protobuf/message.h>
#include <napi.h>

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace mesos_napi {

// Arguments arriving from JavaScript. Each throws a TypeError naming the argument when it
// is not what the native contract says, so nothing malformed reaches libmesos (which
// aborts the process on a protobuf that does not parse).

std::string BytesArg(const Napi::Value& value, const std::string& what);

template <typename Message>
Message MessageArg(const Napi::Value& value, const std::string& what) {
  std::string bytes = BytesArg(value, what);
  Message message;
  if (!message.ParsePartialFromString(bytes)) {
    throw Napi::TypeError::New(value.Env(), what + ": not a serialized " + message.GetTypeName());
  }
  if (!message.IsInitialized()) {
    throw Napi::TypeError::New(value.Env(), what + ": " + message.GetTypeName() +
                                                " is missing required fields (" +
                                                message.InitializationErrorString() + ")");
  }
  return message;
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
  std::vector<Message> messages;
  messages.reserve(array.Length());
  for (uint32_t i = 0; i < array.Length(); i++) {
    messages.push_back(MessageArg<Message>(array.Get(i), what + "[" + std::to_string(i) + "]"));
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
