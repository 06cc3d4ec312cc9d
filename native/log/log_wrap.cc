#include "log_wrap.h"

#include <fcntl.h>
#include <unistd.h>

#include <atomic>
#include <mutex>
#include <process/pid.hpp>
#include <set>
#include <string>

#include "../addon/constructors.h"
#include "../addon/value_args.h"
#include "../addon/zookeeper_clients.h"
#include "../addon/zookeeper_servers.h"

namespace mesos_napi {

using mesos::log::Log;

namespace {

// Replica paths of the Logs alive in this process (every environment): LevelDB refuses a
// second open of one, and libmesos then exits the process.
std::mutex paths_mutex;
std::set<std::string> paths;
// Databases of LevelDBStates made in this process, ever: not replicas, and their LOCK
// must not be probed (closing a descriptor of it drops this process's lock).
std::set<std::string> state_paths;

// Claims path for a new Log, or throws a TypeError saying who holds it.
void ClaimPath(Napi::Env env, const std::string& path) {
  std::lock_guard<std::mutex> guard(paths_mutex);
  // Checked first: closing a descriptor of LOCK below would drop this process's own
  // LevelDB lock on it.
  if (paths.count(path) > 0) {
    throw Napi::TypeError::New(env,
                               "path: " + path + " is the replica of another Log of this process");
  }
  if (state_paths.count(path) > 0) {
    throw Napi::TypeError::New(env, "path: " + path + " is a LevelDBState's database");
  }
  // LevelDB's lock on the database, held by another process: F_GETLK reports it.
  int fd = open((path + "/LOCK").c_str(), O_RDWR | O_CLOEXEC);
  if (fd >= 0) {
    struct flock lock = {};
    lock.l_type = F_WRLCK;
    lock.l_whence = SEEK_SET;
    const bool held = fcntl(fd, F_GETLK, &lock) == 0 && lock.l_type != F_UNLCK;
    close(fd);
    if (held) {
      throw Napi::TypeError::New(env, "path: " + path + " is the replica of a Log in process " +
                                          std::to_string(lock.l_pid));
    }
  }
  paths.insert(path);
}

// Logs deleted, and how many of them on a JS thread (none should be).
std::atomic<uint64_t> logs_deleted{0};
std::atomic<uint64_t> logs_deleted_on_js_thread{0};

// A Log and a reader of it whose beginning() ends once the replica's recovery has ended.
struct Held {
  std::shared_ptr<void> zookeeper_clients;  // given back last
  std::unique_ptr<Log> log;
  std::unique_ptr<Log::Reader> probe;
  process::Future<Log::Position> recovered;
};

// Deletes a Log (waiting for its processes), then frees its path. libmesos cannot delete
// a Log whose recovery is still going on (its destructor waits for it, a libprocess worker
// with it, and a replica short of a quorum retries forever): such a Log is left as it is,
// its path held, until the process exits.
std::shared_ptr<Log> Owned(Log* log, const std::string& path,
                           std::shared_ptr<void> zookeeper_clients = nullptr) {
  auto held = std::make_shared<Held>();
  held->zookeeper_clients = std::move(zookeeper_clients);
  held->log.reset(log);
  held->probe.reset(new Log::Reader(log));
  held->recovered = held->probe->beginning();
  return std::shared_ptr<Log>(log, [held, path](Log*) {
    logs_deleted++;
    if (AddonData::OnJsThread()) logs_deleted_on_js_thread++;
    if (held->recovered.isPending()) {
      new std::shared_ptr<Held>(held);  // Never deleted.
      return;
    }
    held->probe.reset();
    held->log.reset();
    std::lock_guard<std::mutex> guard(paths_mutex);
    paths.erase(path);
  });
}

}  // namespace

void NoteLevelDBStatePath(const std::string& path) {
  std::lock_guard<std::mutex> guard(paths_mutex);
  state_paths.insert(path);
}

Napi::Function LogWrap::Define(Napi::Env env) {
  Napi::Function constructor = DefineClass(env, "Log", {});
  RememberConstructor(env, "Log", constructor);
  return constructor;
}

std::shared_ptr<Log> LogWrap::From(Napi::Value value, const char* what) {
  if (!IsInstanceOf(value, "Log")) {
    throw Napi::TypeError::New(value.Env(), std::string(what) + ": expected a Log");
  }
  return Unwrap(value.As<Napi::Object>())->log_;
}

LogWrap::LogWrap(const Napi::CallbackInfo& info)
    : Napi::ObjectWrap<LogWrap>(info), addon_(AddonData::From(info.Env())) {
  Napi::Env env = info.Env();
  const int quorum = static_cast<int>(Uint32Arg(info[0], "quorum"));
  const std::string path = StringArg(info[1], "path");
  const bool autoInitialize = info[8].ToBoolean();
  std::set<process::UPID> pids;
  if (info[2].IsArray()) {
    Napi::Array array = info[2].As<Napi::Array>();
    for (uint32_t i = 0; i < array.Length(); i++) {
      const std::string text = StringArg(array.Get(i), "pids[]");
      process::UPID pid(text);
      if (!pid) throw Napi::TypeError::New(env, "pids: '" + text + "' is not a libprocess PID");
      pids.insert(pid);
    }
  }
  if (info[2].IsArray()) {
    ClaimPath(env, path);
    log_ = Owned(new Log(quorum, path, pids, autoInitialize), path);
  } else {
    const std::string servers = StringArg(info[3], "servers");
    const Duration timeout = MillisecondsArg(info[4], "timeout");
    const std::string znode = StringArg(info[5], "znode");
    Option<zookeeper::Authentication> auth = AuthenticationArgs(info[6], info[7]);
    CheckServersResolve(env, servers);
    // The replicas' group and the log's own.
    std::shared_ptr<void> clients = AcquireZooKeeperClients(env, 2, "a ZooKeeper Log");
    ClaimPath(env, path);
    log_ = Owned(new Log(quorum, path, servers, timeout, znode, auth, autoInitialize), path,
                 std::move(clients));
  }
}

LogWrap::~LogWrap() {
  addon_->RunOffThread([log = std::move(log_)]() mutable { log.reset(); });
}

Napi::Value LogDeletions(const Napi::CallbackInfo& info) {
  Napi::Object result = Napi::Object::New(info.Env());
  result.Set("deleted", static_cast<double>(logs_deleted.load()));
  result.Set("onJsThread", static_cast<double>(logs_deleted_on_js_thread.load()));
  return result;
}

uint64_t PositionValue(const Log::Position& position) {
  const std::string identity = position.identity();
  uint64_t value = 0;
  for (char byte : identity) value = (value << 8) | static_cast<uint8_t>(byte);
  return value;
}

Log::Position PositionArg(Log& log, Napi::Value value, const char* name) {
  bool lossless = false;
  uint64_t number = value.IsBigInt() ? value.As<Napi::BigInt>().Uint64Value(&lossless) : 0;
  if (!lossless) {
    throw Napi::TypeError::New(value.Env(),
                               std::string(name) + ": expected a bigint from 0 to 2^64 - 1");
  }
  std::string identity(8, '\0');
  for (int i = 7; i >= 0; i--, number >>= 8) identity[i] = static_cast<char>(number & 0xff);
  return log.position(identity);
}

}  // namespace mesos_napi
