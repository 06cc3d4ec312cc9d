#pragma once

#include <napi.h>

#include <memory>
#include <mesos/state/storage.hpp>

#include "../bridge/async_wrap.h"

namespace mesos_napi {

// What mesos::state::State does (include/mesos/state/state.hpp), over one of libmesos's
// storages, chosen by the first constructor argument: 'in-memory'; 'leveldb' (path);
// 'zookeeper' (servers, timeout in ms, znode, scheme or null, credentials or null); 'log'
// (a native Log, diffs between snapshots). Arguments are checked in TypeScript; here only
// their types are. Unlike State, it refuses a stored entry whose uuid is not a UUID (not
// written by a State): State and every storage abort the process on one
// (UUID::fromBytes(...).get()) when a variable is stored or expunged over it.
class StateWrap : public AsyncWrap<StateWrap> {
 public:
  static Napi::Function Define(Napi::Env env);

  explicit StateWrap(const Napi::CallbackInfo& info);
  ~StateWrap() override;

 private:
  // What a State needs, deleted in order: its storage, then the Log a LogStorage writes
  // to (shared with the Log object and its readers and writers).
  struct Core {
    std::shared_ptr<void> zookeeper_clients;  // given back last
    std::shared_ptr<void> log;
    std::unique_ptr<mesos::state::Storage> storage;
  };

  Napi::Value Fetch(const Napi::CallbackInfo& info);
  Napi::Value Store(const Napi::CallbackInfo& info);
  Napi::Value Expunge(const Napi::CallbackInfo& info);
  Napi::Value Names(const Napi::CallbackInfo& info);

  std::shared_ptr<Core> core_;
};

}  // namespace mesos_napi
