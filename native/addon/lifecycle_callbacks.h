#pragma once

#include <napi.h>

#include <optional>
#include <system_error>
#include <thread>
#include <utility>
#include <vector>

namespace mesos_napi {

// What every native object that ends on a thread of its own shares (the drivers, the
// v1 libraries, the election): the blocking end on another thread, then its callbacks.

// Runs work on a new thread, or here when no thread can be had: blocking the JS thread
// is better than never finishing.
template <typename Work>
std::thread RunOnOwnThread(Work work) {
  try {
    return std::thread(work);
  } catch (const std::system_error&) {
    work();
    return std::thread();
  }
}

// Calls every callback with args; one that throws does not keep the others from being
// called. Returns the first error thrown, for the caller to throw once it is done.
[[nodiscard]] inline std::optional<Napi::Error> CallEach(
    std::vector<Napi::FunctionReference> callbacks, const std::vector<napi_value>& args) {
  std::optional<Napi::Error> first_error;
  for (auto& callback : callbacks) {
    try {
      callback.Call(args);
    } catch (const Napi::Error& error) {
      if (!first_error) first_error = error;
    }
  }
  return first_error;
}

// Calls callback(...args) from a microtask: a callback is never called before the call
// that registered it has returned.
inline void CallSoon(Napi::Env env, Napi::Function callback,
                     const std::vector<napi_value>& args = {}) {
  std::vector<napi_value> bind_args{env.Null()};
  bind_args.insert(bind_args.end(), args.begin(), args.end());
  Napi::Function bound =
      callback.Get("bind").As<Napi::Function>().Call(callback, bind_args).As<Napi::Function>();
  env.Global().Get("queueMicrotask").As<Napi::Function>().Call({bound});
}

// close(onDone) of an object whose end runs on a thread of its own: the first call starts
// the end, later calls wait with it, and calls after it are answered from a microtask.
class CloseOffThread {
 public:
  // Takes onDone; true when this call is the first, and the caller is to Start() the end.
  bool Request(Napi::Env env, Napi::Function on_done) {
    if (closed_) {
      CallSoon(env, on_done);
      return false;
    }
    callbacks_.push_back(Napi::Persistent(on_done));
    if (requested_) return false;
    requested_ = true;
    return true;
  }

  template <typename Work>
  void Start(Work work) {
    thread_ = RunOnOwnThread(std::move(work));
  }

  // Waits for the end's thread, if it has one.
  void Join() {
    if (thread_.joinable()) thread_.join();
  }

  // On the JS thread once the end is done: closed from now on; the callbacks to call.
  std::vector<Napi::FunctionReference> Finish() {
    Join();
    closed_ = true;
    return std::move(callbacks_);
  }

  bool requested() const { return requested_; }
  bool closed() const { return closed_; }

 private:
  std::thread thread_;
  std::vector<Napi::FunctionReference> callbacks_;
  bool requested_ = false;
  bool closed_ = false;
};

}  // namespace mesos_napi
