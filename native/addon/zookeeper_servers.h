#pragma once

#include <optional>
#include <string>

namespace mesos_napi {

// libmesos kills the process when libzookeeper's zookeeper_init fails to resolve the
// servers (src/zookeeper/zookeeper.cpp: PLOG(FATAL) unless errno is EINVAL, which it
// retries for ten minutes). TypeScript resolves them before the addon is called, but a
// name can stop resolving after that; this resolves them again as zookeeper_init does,
// right before a client is made. Why one of `servers` ('host:port,...') does not resolve,
// starting with kUnresolvedServer, or nullopt.
std::optional<std::string> UnresolvedServer(const std::string& servers);

inline constexpr const char* kUnresolvedServer = "unresolved-server: ";

}  // namespace mesos_napi
