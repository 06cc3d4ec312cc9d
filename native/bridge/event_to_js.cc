#include "event_to_js.h"

namespace mesos_napi {

namespace {

Napi::Value BytesToJs(Napi::Env env, const std::string& data) {
  return Napi::Buffer<char>::Copy(env, data.data(), data.size());
}

}  // namespace

Napi::Value EventArgToJs(Napi::Env env, const EventArg& arg) {
  if (const auto* bytes = std::get_if<Bytes>(&arg)) return BytesToJs(env, bytes->data);
  if (const auto* list = std::get_if<BytesList>(&arg)) {
    Napi::Array array = Napi::Array::New(env, list->items.size());
    for (uint32_t i = 0; i < list->items.size(); i++) array.Set(i, BytesToJs(env, list->items[i]));
    return array;
  }
  if (const auto* text = std::get_if<Text>(&arg)) return Napi::String::New(env, text->value);
  return Napi::Number::New(env, std::get<int32_t>(arg));
}

std::vector<napi_value> EventToDispatchArgs(Napi::Env env, const Event& event) {
  std::vector<napi_value> values;
  values.reserve(event.args.size() + 1);
  values.push_back(Napi::String::New(env, event.name));
  for (const EventArg& arg : event.args) values.push_back(EventArgToJs(env, arg));
  return values;
}

}  // namespace mesos_napi
