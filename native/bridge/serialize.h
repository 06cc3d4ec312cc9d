#pragma once

#include <google/protobuf/message.h>

#include "event.h"

namespace mesos_napi {

inline Bytes Serialize(const google::protobuf::Message& message) {
  Bytes bytes;
  message.SerializeToString(&bytes.data);
  return bytes;
}

}  // namespace mesos_napi
