#include "state_wrap.h"

#include <mesos/state/in_memory.hpp>
#include <mesos/state/leveldb.hpp>
#include <mesos/state/log.hpp>
#include <mesos/state/zookeeper.hpp>
#include <set>
#include <stout/uuid.hpp>
#include <string>

#include "../addon/value_args.h"
#include "../addon/zookeeper_clients.h"
#include "../addon/zookeeper_servers.h"
#include "../log/log_wrap.h"
#include "variable_wrap.h"

namespace mesos_napi {

using mesos::internal::state::Entry;
using process::Failure;
using process::Future;

Napi::Function StateWrap::Define(Napi::Env env) {
  return DefineClass(
      env, "State",
      {InstanceMethod("fetch", &StateWrap::Fetch), InstanceMethod("store", &StateWrap::Store),
       InstanceMethod("expunge", &StateWrap::Expunge), InstanceMethod("names", &StateWrap::Names)});
}

StateWrap::StateWrap(const Napi::CallbackInfo& info)
    : AsyncWrap<StateWrap>(info), core_(std::make_shared<Core>()) {
  Napi::Env env = info.Env();
  const std::string kind = StringArg(info[0], "kind");
  if (kind == "in-memory") {
    core_->storage.reset(new mesos::state::InMemoryStorage());
  } else if (kind == "leveldb") {
    const std::string path = StringArg(info[1], "path");
    NoteLevelDBStatePath(path);
    core_->storage.reset(new mesos::state::LevelDBStorage(path));
  } else if (kind == "zookeeper") {
    const std::string servers = StringArg(info[1], "servers");
    const Duration timeout = MillisecondsArg(info[2], "timeout");
    const std::string znode = StringArg(info[3], "znode");
    Option<zookeeper::Authentication> auth = AuthenticationArgs(info[4], info[5]);
    CheckServersResolve(env, servers);
    core_->zookeeper_clients = AcquireZooKeeperClients(env, 1, "a ZooKeeperState");
    core_->storage.reset(new mesos::state::ZooKeeperStorage(servers, timeout, znode, auth));
  } else if (kind == "log") {
    std::shared_ptr<mesos::log::Log> log = LogWrap::From(info[1], "log");
    const size_t diffs = static_cast<size_t>(Uint32Arg(info[2], "diffsBetweenSnapshots"));
    core_->storage.reset(new mesos::state::LogStorage(log.get(), diffs));
    core_->log = log;
  } else {
    throw Napi::TypeError::New(env, "kind: unknown State kind '" + kind + "'");
  }
  InitBridge(env, "mesos-napi State");
}

StateWrap::~StateWrap() { DeleteOffThread(std::move(core_)); }

namespace {

ValueBuilder VariableBuilder(const Entry& entry) {
  return [entry](Napi::Env env) -> Napi::Value { return VariableWrap::New(env, entry); };
}

// The entry stored under name, or none; a failure for one whose uuid is not a UUID.
Future<Option<Entry>> Stored(mesos::state::Storage* storage, const std::string& name) {
  return storage->get(name).then([name](const Option<Entry>& stored) -> Future<Option<Entry>> {
    if (stored.isSome() && id::UUID::fromBytes(stored->uuid()).isError()) {
      return Failure("the entry stored as '" + name +
                     "' has a uuid that is not a UUID (no State wrote it): libmesos would "
                     "abort the process on storing or expunging over it");
    }
    return stored;
  });
}

}  // namespace

Napi::Value StateWrap::Fetch(const Napi::CallbackInfo& info) {
  const std::string name = StringArg(info[0], "name");
  Future<Entry> fetched =
      Stored(core_->storage.get(), name).then([name](const Option<Entry>& stored) {
        if (stored.isSome()) return stored.get();
        Entry entry;
        entry.set_name(name);
        entry.set_uuid(id::UUID::random().toBytes());
        return entry;
      });
  return Settle<Entry>(info.Env(), fetched, VariableBuilder);
}

Napi::Value StateWrap::Store(const Napi::CallbackInfo& info) {
  const Entry& variable = VariableWrap::From(info[0], "variable");
  // Variables come from fetch and store only: their uuid is a UUID.
  const id::UUID uuid = id::UUID::fromBytes(variable.uuid()).get();
  Entry entry;
  entry.set_name(variable.name());
  entry.set_uuid(id::UUID::random().toBytes());
  entry.set_value(variable.value());
  mesos::state::Storage* storage = core_->storage.get();
  Future<Option<Entry>> stored =
      Stored(storage, entry.name())
          .then([storage, entry, uuid](const Option<Entry>&) { return storage->set(entry, uuid); })
          .then([entry](const bool& set) -> Option<Entry> {
            if (set) return entry;
            return None();
          });
  return Settle<Option<Entry>>(info.Env(), stored, [](const Option<Entry>& stored) {
    if (stored.isNone()) return ValueBuilder([](Napi::Env env) { return env.Null(); });
    return VariableBuilder(stored.get());
  });
}

Napi::Value StateWrap::Expunge(const Napi::CallbackInfo& info) {
  const Entry variable = VariableWrap::From(info[0], "variable");
  mesos::state::Storage* storage = core_->storage.get();
  Future<bool> expunged =
      Stored(storage, variable.name()).then([storage, variable](const Option<Entry>&) {
        return storage->expunge(variable);
      });
  return Settle<bool>(info.Env(), expunged, [](const bool& expunged) {
    return ValueBuilder(
        [expunged](Napi::Env env) -> Napi::Value { return Napi::Boolean::New(env, expunged); });
  });
}

Napi::Value StateWrap::Names(const Napi::CallbackInfo& info) {
  return Settle<std::set<std::string>>(info.Env(), core_->storage->names(),
                                       [](const std::set<std::string>& names) {
                                         return ValueBuilder([names](Napi::Env env) -> Napi::Value {
                                           Napi::Array array = Napi::Array::New(env, names.size());
                                           uint32_t index = 0;
                                           for (const std::string& name : names)
                                             array.Set(index++, name);
                                           return array;
                                         });
                                       });
}

}  // namespace mesos_napi
