// Test-only addon (mesos_napi_bridge_test): fires events into an EventBridge from
// foreign threads, as libmesos does, so the bridge is tested and measured without Mesos.
#include <napi.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstring>
#include <thread>
#include <vector>

#include "../bridge/bridge_stats.h"
#include "../bridge/completion.h"
#include "../bridge/event_bridge.h"

namespace mesos_napi {
namespace {

int64_t MonotonicNs() {
  return std::chrono::duration_cast<std::chrono::nanoseconds>(
             std::chrono::steady_clock::now().time_since_epoch())
      .count();
}

// Payload: 8 bytes of send time (monotonic ns, same clock as process.hrtime), then filler.
std::string Payload(size_t size) {
  std::string data(size < 8 ? 8 : size, 'x');
  int64_t now = MonotonicNs();
  std::memcpy(&data[0], &now, sizeof now);
  return data;
}

class BridgeTester : public Napi::ObjectWrap<BridgeTester> {
 public:
  static Napi::Function Define(Napi::Env env) {
    return DefineClass(env, "BridgeTester",
                       {InstanceMethod("fire", &BridgeTester::Fire),
                        InstanceMethod("release", &BridgeTester::ReleaseBridge),
                        InstanceMethod("stopAwaiting", &BridgeTester::StopAwaiting),
                        InstanceMethod("stats", &BridgeTester::Stats)});
  }

  explicit BridgeTester(const Napi::CallbackInfo& info) : Napi::ObjectWrap<BridgeTester>(info) {
    dispatch_ = Napi::Persistent(info[0].As<Napi::Function>());
    bridge_ = EventBridge::Create(info.Env(), dispatch_.Value(), "BridgeTester");
  }

  ~BridgeTester() override {
    bridge_->Close();  // environment teardown can collect us before the cleanup hooks run
    JoinThreads();
  }

 private:
  // fire(threads, eventsPerThread, payloadBytes, onDone, wait = true): each thread
  // delivers ('event', threadIndex, sequence, payload), waiting for each to settle when
  // wait; onDone runs on the JS thread after the last event.
  Napi::Value Fire(const Napi::CallbackInfo& info) {
    int threads = info[0].As<Napi::Number>().Int32Value();
    int perThread = info[1].As<Napi::Number>().Int32Value();
    size_t payload = info[2].As<Napi::Number>().Uint32Value();
    done_.Reset(info[3].As<Napi::Function>(), 1);
    bool wait = info.Length() < 5 || info[4].ToBoolean().Value();
    JoinThreads();
    remaining_ = threads;
    bridge_->Hold(info.Env());
    self_ = Napi::Persistent(Value());
    for (int t = 0; t < threads; t++) {
      threads_.emplace_back([this, t, perThread, payload, wait] {
        for (int i = 0; i < perThread; i++) {
          bridge_->Deliver(Event("event", {int32_t(t), int32_t(i), Bytes{Payload(payload)}},
                                 wait ? Delivery::kAwait : Delivery::kQueue));
        }
        if (--remaining_ == 0) {
          bridge_->Post([this](Napi::Env env) {
            JoinThreads();
            bridge_->Unhold(env);
            self_.Reset();
            if (!done_.IsEmpty()) done_.Call({});
          });
        }
      });
    }
    return info.Env().Undefined();
  }

  Napi::Value ReleaseBridge(const Napi::CallbackInfo& info) {
    bridge_->Release();
    return info.Env().Undefined();
  }

  Napi::Value Stats(const Napi::CallbackInfo& info) { return BridgeStatsToJs(info.Env(), bridge_); }

  Napi::Value StopAwaiting(const Napi::CallbackInfo& info) {
    bridge_->StopAwaiting();
    return info.Env().Undefined();
  }

  void JoinThreads() {
    for (auto& thread : threads_) {
      if (thread.joinable()) thread.join();
    }
    threads_.clear();
  }

  Napi::FunctionReference dispatch_;  // the bridge holds it weakly
  std::shared_ptr<EventBridge> bridge_;
  std::vector<std::thread> threads_;
  std::atomic<int> remaining_{0};
  Napi::FunctionReference done_;
  Napi::ObjectReference self_;
};

// The same hand-off in C++ alone: producers wait on a Completion per event that one
// consumer thread signals. Returns { elapsedNs, latenciesNs } (send to consumer start).
Napi::Value CppBaseline(const Napi::CallbackInfo& info) {
  int threads = info[0].As<Napi::Number>().Int32Value();
  int perThread = info[1].As<Napi::Number>().Int32Value();
  size_t payload = info[2].As<Napi::Number>().Uint32Value();
  std::mutex mutex;
  std::condition_variable ready;
  std::vector<std::pair<Event, std::shared_ptr<Completion>>> queue;
  std::atomic<bool> finished{false};
  std::vector<double> latencies;
  latencies.reserve(size_t(threads) * perThread);
  int64_t start = MonotonicNs();
  std::thread consumer([&] {
    for (;;) {
      std::vector<std::pair<Event, std::shared_ptr<Completion>>> batch;
      {
        std::unique_lock<std::mutex> lock(mutex);
        ready.wait(lock, [&] { return !queue.empty() || finished; });
        if (queue.empty() && finished) return;
        batch.swap(queue);
      }
      for (auto& [event, completion] : batch) {
        int64_t sent;
        std::memcpy(&sent, std::get<Bytes>(event.args[2]).data.data(), sizeof sent);
        latencies.push_back(double(MonotonicNs() - sent));
        completion->Signal();
      }
    }
  });
  std::vector<std::thread> producers;
  for (int t = 0; t < threads; t++) {
    producers.emplace_back([&, t] {
      for (int i = 0; i < perThread; i++) {
        auto completion = std::make_shared<Completion>();
        {
          std::lock_guard<std::mutex> lock(mutex);
          queue.emplace_back(
              Event("event", {int32_t(t), int32_t(i), Bytes{Payload(payload)}}, Delivery::kAwait),
              completion);
        }
        ready.notify_one();
        completion->Wait();
      }
    });
  }
  for (auto& producer : producers) producer.join();
  {
    std::lock_guard<std::mutex> lock(mutex);
    finished = true;
  }
  ready.notify_one();
  consumer.join();
  double elapsed = double(MonotonicNs() - start);
  Napi::Object result = Napi::Object::New(info.Env());
  result.Set("elapsedNs", elapsed);
  Napi::Float64Array values = Napi::Float64Array::New(info.Env(), latencies.size());
  std::copy(latencies.begin(), latencies.end(), values.Data());
  result.Set("latenciesNs", values);
  return result;
}

}  // namespace
}  // namespace mesos_napi

Napi::Object InitBridgeTest(Napi::Env env, Napi::Object exports) {
  using namespace mesos_napi;
  exports.Set("BridgeTester", BridgeTester::Define(env));
  exports.Set("cppBaseline", Napi::Function::New(env, CppBaseline));
  return exports;
}

NODE_API_MODULE(mesos_napi_bridge_test, InitBridgeTest)
