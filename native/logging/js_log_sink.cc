#include "js_log_sink.h"

#include <sys/syscall.h>
#include <unistd.h>

#include <chrono>
#include <utility>

namespace mesos_napi {

namespace {

double NowMs() {
  using namespace std::chrono;
  return duration<double, std::milli>(system_clock::now().time_since_epoch()).count();
}

Napi::Object RecordToJs(Napi::Env env, const LogRecord& record) {
  Napi::Object object = Napi::Object::New(env);
  object.Set("severity", record.severity);
  object.Set("time", record.time_ms);
  object.Set("file", record.file);
  object.Set("line", record.line);
  object.Set("thread", static_cast<double>(record.thread));
  object.Set("message", record.message);
  return object;
}

}  // namespace

JsLogSink& JsLogSink::Instance() {
  // Never destroyed: glog may log from libprocess's threads while the process exits.
  static JsLogSink* sink = [] {
    auto* created = new JsLogSink();
    google::AddLogSink(created);
    return created;
  }();
  return *sink;
}

void JsLogSink::send(google::LogSeverity severity, const char*, const char* base_filename, int line,
                     const struct ::tm*, const char* message, size_t message_len) {
  // glog holds its own lock here: nothing below may log.
  if (severity < min_severity_.load(std::memory_order_relaxed)) return;
  std::shared_ptr<EventBridge> bridge;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    if (!receiver_) return;
    bridge = receiver_->bridge;
  }
  LogRecord record{severity,
                   NowMs(),
                   base_filename,
                   line,
                   static_cast<int64_t>(::syscall(SYS_gettid)),
                   std::string(message, message_len)};
  if (queue_.Push(std::move(record))) PostDrain(bridge);
}

void JsLogSink::PostDrain(const std::shared_ptr<EventBridge>& bridge) {
  // The queue drains only when a drain was posted for its first record: when that cannot
  // be, its records had no receiver left (it was just removed), and go.
  if (!bridge->Post([](Napi::Env env) { Instance().Drain(env); })) queue_.Take();
}

void JsLogSink::Route(Napi::Env env, Napi::Function receiver, int min_severity) {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    if (receiver_ && receiver_->env == env && receiver_->function.Value().StrictEquals(receiver)) {
      min_severity_.store(min_severity);
      return;
    }
  }
  RemoveReceiver(env, false);
  auto created = std::make_unique<Receiver>();
  created->env = env;
  // A no-op dispatch: records go through Post(). The bridge never keeps the event loop
  // alive.
  created->bridge = EventBridge::Create(
      env, Napi::Function::New(env, [](const Napi::CallbackInfo&) {}), "mesos-napi log");
  created->function = Napi::Persistent(receiver);
  std::lock_guard<std::mutex> lock(mutex_);
  receiver_ = std::move(created);
  min_severity_.store(min_severity);
}

bool JsLogSink::Unroute(napi_env env) { return RemoveReceiver(env, true); }

bool JsLogSink::Routed() {
  std::lock_guard<std::mutex> lock(mutex_);
  return receiver_ != nullptr;
}

bool JsLogSink::RemoveReceiver(napi_env calling_env, bool only_own) {
  std::unique_ptr<Receiver> removed;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    if (!receiver_ || (only_own && receiver_->env != calling_env)) return false;
    removed = std::move(receiver_);
    min_severity_.store(google::GLOG_FATAL + 1);
  }
  // What queued for it is not carried over to the next receiver.
  queue_.Take();
  if (removed->env == calling_env) {
    removed->bridge->Release();
  } else {
    // Another environment's references are freed at its own teardown, on its thread.
    removed->function.SuppressDestruct();
  }
  return true;
}

void JsLogSink::Drain(Napi::Env env) {
  Napi::Function function;
  std::shared_ptr<EventBridge> current;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    if (receiver_ && receiver_->env == env) {
      function = receiver_->function.Value();
    } else if (receiver_) {
      current = receiver_->bridge;
    }
  }
  if (function.IsEmpty()) {
    // Posted for a receiver since replaced: the current one's thread drains (or, with none,
    // the records go), so that the next record posts a drain again.
    if (current) {
      PostDrain(current);
    } else {
      queue_.Take();
    }
    return;
  }
  RecordQueue::Batch batch = queue_.Take();
  if (batch.records.empty() && batch.dropped == 0) return;
  Napi::HandleScope scope(env);
  Napi::Array records = Napi::Array::New(env, batch.records.size());
  for (uint32_t i = 0; i < batch.records.size(); i++) {
    records.Set(i, RecordToJs(env, batch.records[i]));
  }
  function.Call({records, Napi::Number::New(env, static_cast<double>(batch.dropped))});
}

}  // namespace mesos_napi
