#pragma once

#include <napi.h>

#include <optional>
#include <string>

namespace mesos_napi {

// When libzookeeper's zookeeper_init cannot resolve the servers, libmesos tries again every
// second for ten minutes, a libprocess worker asleep in the client's initialize() and the
// client's operations pending, and then kills the process (src/zookeeper/zookeeper.cpp).
// TypeScript resolves them before the addon is called, but a name can stop resolving after
// that; this resolves them again as zookeeper_init does, right before a client is made.
// Why one of `servers` ('host:port,...') does not resolve, starting with
// kUnresolvedServer, or nullopt.
std::optional<std::string> UnresolvedServer(const std::string& servers);

// JS thread: throws UnresolvedServer's reason as a TypeError, if there is one.
void CheckServersResolve(Napi::Env env, const std::string& servers);

inline constexpr const char* kUnresolvedServer = "unresolved-server: ";

}  // namespace mesos_napi
