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

// What the delivering thread does once the event is queued for JavaScript.
enum class Delivery {
  // Wait until the handler (and the promise it returned) has settled: libmesos acts on the
  // callback's return (an implicitly acknowledged status update, an executor's shutdown).
  // The wait ends early once the driver's stop() or abort() has returned, or at teardown.
  kAwait,
  // Go on at once. The handler still runs in order, after every earlier event's.
  kQueue,
};

struct Event {
  Event(const char* name, std::vector<EventArg> args, Delivery delivery)
      : name(name), args(std::move(args)), delivery(delivery) {}

  const char* name;
  std::vector<EventArg> args;
  Delivery delivery;
};

}  // namespace mesos_napi
