#pragma once

#include <cstdint>
#include <string>
#include <variant>
#include <vector>

namespace mesos_napi {

// Plain C++ data only: events are built on libmesos threads, which never touch JavaScript.
struct Bytes {
  std::string data;
};

struct BytesList {
  std::vector<std::string> items;
};

struct Text {
  std::string value;
};

using EventArg = std::variant<Bytes, BytesList, Text, int32_t>;

struct Event {
  const char* name;
  std::vector<EventArg> args;
  // Whether the delivering thread waits for the handler to settle. Only events whose
  // return libmesos acts on need it (an implicitly acknowledged status update, shutdown,
  // error); the rest are queued and the thread goes on. Order is kept either way.
  bool wait = true;
};

}  // namespace mesos_napi
