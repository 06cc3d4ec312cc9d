#include "state_wrap.h"

#include <mesos/state/in_memory.hpp>
#include <mesos/state/leveldb.hpp>
#include <mesos/state/log.hpp>
#include <mesos/state/zookeeper.hpp>
#include <set>
#include <string>

#include "../addon/value_args.h"
#include "../addon/zookeeper_clients.h"
#include "../log/log_wrap.h"
#include "variable_wrap.h"

namespace mesos_napi {

using mesos::state::State;
using mesos::state::Variable;

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
  core_->state.reset(new State(core_->storage.get()));
  InitBridge(env, "mesos-napi State");
}

StateWrap::~StateWrap() { DeleteOffThread(std::move(core_)); }

namespace {

ValueBuilder VariableBuilder(const Variable& variable) {
  auto copy = std::make_shared<Variable>(variable);
  return [copy](Napi::Env env) -> Napi::Value { return VariableWrap::New(env, *copy); };
}

}  // namespace

Napi::Value StateWrap::Fetch(const Napi::CallbackInfo& info) {
  const std::string name = StringArg(info[0], "name");
  return Settle<Variable>(info.Env(), core_->state->fetch(name), VariableBuilder);
}

Napi::Value StateWrap::Store(const Napi::CallbackInfo& info) {
  const Variable& variable = VariableWrap::From(info[0], "variable");
  return Settle<Option<Variable>>(info.Env(), core_->state->store(variable),
                                  [](const Option<Variable>& stored) {
                                    if (stored.isNone())
                                      return ValueBuilder([](Napi::Env env) { return env.Null(); });
                                    return VariableBuilder(stored.get());
                                  });
}

Napi::Value StateWrap::Expunge(const Napi::CallbackInfo& info) {
  const Variable& variable = VariableWrap::From(info[0], "variable");
  return Settle<bool>(info.Env(), core_->state->expunge(variable), [](const bool& expunged) {
    return ValueBuilder(
        [expunged](Napi::Env env) -> Napi::Value { return Napi::Boolean::New(env, expunged); });
  });
}

Napi::Value StateWrap::Names(const Napi::CallbackInfo& info) {
  return Settle<std::set<std::string>>(info.Env(), core_->state->names(),
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
