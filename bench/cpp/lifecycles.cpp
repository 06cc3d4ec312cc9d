// Bench 4c, the C++ framework: what bench/lifecycles/scheduler.js does, by the same rules
// (bench/lifecycles/task.js), launching the TaskInfo the bench wrote (read from taskFile) onto
// the same executor. Prints a JSON line per sample (RSS at registration and every n/20
// finished tasks), one per answer of the executor, and one at the end; progress on stderr.

#include "lifecycles.hpp"

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <mesos/scheduler.hpp>
#include <mutex>
#include <sstream>
#include <utility>
#include <vector>

#include "resident.hpp"

namespace {

using Clock = std::chrono::steady_clock;

constexpr size_t kSamples = 20;
constexpr double kExecutorCpus = 0.1;
constexpr double kExecutorMem = 32;
constexpr size_t kMaxOtherEnds = 100;
constexpr auto kExecutorWait = std::chrono::seconds(30);

size_t checkpoint(size_t n, size_t i) { return n * i / kSamples; }

double scalarSum(const google::protobuf::RepeatedPtrField<mesos::Resource>& resources,
                 const std::string& name) {
  double sum = 0;
  for (const mesos::Resource& resource : resources) {
    if (resource.name() == name && resource.has_scalar()) sum += resource.scalar().value();
  }
  return sum;
}

class LifecycleScheduler : public mesos::Scheduler {
 public:
  LifecycleScheduler(size_t n, mesos::TaskInfo task)
      : n(n),
        remaining(n),
        task(std::move(task)),
        taskCpus(scalarSum(this->task.resources(), "cpus")),
        taskMem(scalarSum(this->task.resources(), "mem")) {}

  void registered(mesos::SchedulerDriver* driver, const mesos::FrameworkID&,
                  const mesos::MasterInfo&) override {
    std::lock_guard<std::mutex> lock(mutex);
    sample(driver, mesos::SlaveID());
  }

  void resourceOffers(mesos::SchedulerDriver* driver,
                      const std::vector<mesos::Offer>& offers) override {
    std::lock_guard<std::mutex> lock(mutex);
    for (const mesos::Offer& offer : offers) {
      const double cpus = scalarSum(offer.resources(), "cpus") - kExecutorCpus;
      const double mem = scalarSum(offer.resources(), "mem") - kExecutorMem;
      const size_t fit = cpus < taskCpus || mem < taskMem
                             ? 0
                             : std::min({remaining, static_cast<size_t>((cpus + 1e-9) / taskCpus),
                                         static_cast<size_t>((mem + 1e-9) / taskMem)});
      mesos::Filters filters;
      if (fit == 0) {
        filters.set_refuse_seconds(remaining == 0 ? 1 : 0);
        driver->declineOffer(offer.id(), filters);
        continue;
      }
      std::vector<mesos::TaskInfo> tasks(fit, task);
      for (mesos::TaskInfo& t : tasks) {
        const std::string id = "lifecycle-" + std::to_string(launched++);
        t.set_name(id);
        t.mutable_task_id()->set_value(id);
        t.mutable_slave_id()->CopyFrom(offer.slave_id());
      }
      remaining -= fit;
      if (!started) {
        started = true;
        start = Clock::now();
      }
      filters.set_refuse_seconds(0);
      driver->launchTasks(std::vector<mesos::OfferID>{offer.id()}, tasks, filters);
    }
  }

  void statusUpdate(mesos::SchedulerDriver* driver, const mesos::TaskStatus& status) override {
    std::lock_guard<std::mutex> lock(mutex);
    const mesos::TaskState state = status.state();
    if (state == mesos::TASK_FINISHED) {
      ++finished;
      if (finished == checkpoint(n, next)) {
        sample(driver, status.slave_id());
        ++next;
      }
      if (finished == n) changed.notify_all();
    } else if (state != mesos::TASK_STAGING && state != mesos::TASK_STARTING &&
               state != mesos::TASK_RUNNING) {
      ++remaining;
      if (otherEnds++ == 0) {
        std::cerr << "first task ended otherwise: " << status.task_id().value() << " "
                  << mesos::TaskState_Name(state) << " " << status.message() << std::endl;
      }
      if (otherEnds >= kMaxOtherEnds) {
        std::cerr << otherEnds << " tasks ended otherwise than TASK_FINISHED" << std::endl;
        std::exit(1);
      }
    }
  }

  // The executor's answer: `<finished> <JSON>`.
  void frameworkMessage(mesos::SchedulerDriver*, const mesos::ExecutorID&, const mesos::SlaveID&,
                        const std::string& data) override {
    std::lock_guard<std::mutex> lock(mutex);
    const size_t space = data.find(' ');
    if (space == std::string::npos) return;
    const size_t at = std::strtoull(data.c_str(), nullptr, 10);
    std::cout << "{\"bench\":\"lifecycles-executor\",\"finished\":" << at
              << ",\"memory\":" << data.substr(space + 1) << "}" << std::endl;
    if (at == n) {
      executorAnswered = true;
      changed.notify_all();
    }
  }

  void error(mesos::SchedulerDriver*, const std::string& message) override {
    std::cerr << "error: " << message << std::endl;
    std::exit(1);
  }

  void reregistered(mesos::SchedulerDriver*, const mesos::MasterInfo&) override {}
  void disconnected(mesos::SchedulerDriver*) override {}
  void offerRescinded(mesos::SchedulerDriver*, const mesos::OfferID&) override {}
  void slaveLost(mesos::SchedulerDriver*, const mesos::SlaveID&) override {}
  void executorLost(mesos::SchedulerDriver*, const mesos::ExecutorID&, const mesos::SlaveID&,
                    int) override {}

  // Until n tasks have finished, then until the executor's last answer or kExecutorWait.
  void waitForTheEnd() {
    std::unique_lock<std::mutex> lock(mutex);
    changed.wait(lock, [this] { return finished >= n; });
    changed.wait_for(lock, kExecutorWait, [this] { return executorAnswered; });
    std::cout << "{\"bench\":\"lifecycles-end\",\"impl\":\"c++\",\"otherEnds\":" << otherEnds << "}"
              << std::endl;
  }

 private:
  double msSinceStart() const {
    return started ? std::chrono::duration<double, std::milli>(Clock::now() - start).count() : 0;
  }

  // With mutex held.
  void sample(mesos::SchedulerDriver* driver, const mesos::SlaveID& agent) {
    const long rssKb = residentKilobytes();
    const double ms = msSinceStart();
    std::cout << "{\"bench\":\"lifecycles\",\"impl\":\"c++\",\"finished\":" << finished
              << ",\"ms\":" << ms << ",\"rssKb\":" << rssKb << "}" << std::endl;
    if (finished == 0) return;
    driver->sendFrameworkMessage(task.executor().executor_id(), agent,
                                 "memory " + std::to_string(finished));
    if (next % 2 == 0) {
      const double recent = (finished - lastProgress.first) / ((ms - lastProgress.second) / 1000);
      std::fprintf(stderr,
                   "4c c++: %zu of %zu lifecycles (%zu %%), %.1f s, %.0f/s (last tenth %.0f/s), "
                   "RSS %.1f MB\n",
                   finished, n, finished * 100 / n, ms / 1000, finished / (ms / 1000), recent,
                   rssKb / 1024.0);
      lastProgress = {finished, ms};
    }
  }

  const size_t n;
  size_t remaining;
  const mesos::TaskInfo task;
  const double taskCpus, taskMem;
  std::mutex mutex;
  std::condition_variable changed;
  size_t launched = 0, finished = 0, next = 1, otherEnds = 0;
  bool started = false, executorAnswered = false;
  Clock::time_point start;
  std::pair<size_t, double> lastProgress{0, 0};
};

}  // namespace

int runLifecycles(const std::string& master, size_t n, const std::string& taskFile) {
  std::ifstream in(taskFile, std::ios::binary);
  std::stringstream bytes;
  bytes << in.rdbuf();
  mesos::TaskInfo task;
  if (!in || !task.ParseFromString(bytes.str()) || !task.has_executor()) {
    std::cerr << "cannot read a TaskInfo with an executor from " << taskFile << std::endl;
    return 2;
  }

  mesos::FrameworkInfo framework;
  framework.set_user("");
  framework.set_name("mesos-napi bench lifecycles (C++)");
  LifecycleScheduler scheduler(n, task);
  mesos::MesosSchedulerDriver driver(&scheduler, framework, master, true);
  driver.start();
  scheduler.waitForTheEnd();
  driver.stop();
  driver.join();
  return 0;
}
