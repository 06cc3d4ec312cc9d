#pragma once

#include <napi.h>

#include <memory>
#include <mesos/state/state.hpp>
#include <mesos/state/storage.hpp>

#include "../bridge/async_wrap.h"

namespace mesos_napi {

// A mesos::state::State over one of libmesos's storages, chosen by the first constructor
// argument: 'in-memory'; 'leveldb' (path); 'zookeeper' (servers, timeout in ms, znode,
// scheme or null, credentials or null); 'log' (a native Log, diffs between snapshots).
// Arguments are checked in TypeScript; here only their types are.
class StateWrap : public AsyncWrap<StateWrap> {
 public:
  static Napi::Function Define(Napi::Env env);

  explicit StateWrap(const Napi::CallbackInfo& info);
  ~StateWrap() override;

 private:
  // What a State needs, deleted in order: the State, its storage, then the Log a
  // LogStorage writes to (shared with the Log object and its readers and writers).
  struct Core {
    std::shared_ptr<void> zookeeper_clients;  // given back last
    std::shared_ptr<void> log;
    std::unique_ptr<mesos::state::Storage> storage;
    std::unique_ptr<mesos::state::State> state;
  };

  Napi::Value Fetch(const Napi::CallbackInfo& info);
  Napi::Value Store(const Napi::CallbackInfo& info);
  Napi::Value Expunge(const Napi::CallbackInfo& info);
  Napi::Value Names(const Napi::CallbackInfo& info);

  std::shared_ptr<Core> core_;
};

}  // namespace mesos_napi
