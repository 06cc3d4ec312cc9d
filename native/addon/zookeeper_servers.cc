#include "zookeeper_servers.h"

#include <netdb.h>
#include <sys/socket.h>

#include <sstream>

namespace mesos_napi {

namespace {

// getaddrinfo as libzookeeper calls it (resolve_hosts in zookeeper.c): AI_ADDRCONFIG, and
// without it again on EAI_BADFLAGS or EAI_ADDRFAMILY.
int Resolve(const std::string& host, const std::string& port) {
  addrinfo hints = {};
  hints.ai_flags = AI_ADDRCONFIG;
  hints.ai_family = AF_UNSPEC;
  hints.ai_socktype = SOCK_STREAM;
  hints.ai_protocol = IPPROTO_TCP;
  addrinfo* found = nullptr;
  int code = getaddrinfo(host.c_str(), port.c_str(), &hints, &found);
  if (code == EAI_BADFLAGS || code == EAI_ADDRFAMILY) {
    hints.ai_flags = 0;
    code = getaddrinfo(host.c_str(), port.c_str(), &hints, &found);
  }
  if (code == 0) freeaddrinfo(found);
  return code;
}

}  // namespace

std::optional<std::string> UnresolvedServer(const std::string& servers) {
  std::istringstream list(servers);
  std::string server;
  while (std::getline(list, server, ',')) {
    const size_t colon = server.rfind(':');
    if (colon == std::string::npos) continue;  // libzookeeper refuses it with EINVAL
    const std::string host = server.substr(0, colon);
    const int code = Resolve(host, server.substr(colon + 1));
    if (code != 0) {
      return std::string(kUnresolvedServer) + "host '" + host + "' no longer resolves (" +
             gai_strerror(code) + "); libmesos would kill the process";
    }
  }
  return std::nullopt;
}

void CheckServersResolve(Napi::Env env, const std::string& servers) {
  if (std::optional<std::string> problem = UnresolvedServer(servers)) {
    throw Napi::TypeError::New(env, *problem);
  }
}

}  // namespace mesos_napi
