// The C++ baseline for `npm run bench`: the same work as bench/*.ts, done by a C++
// framework on the same libmesos. Prints one JSON object per measurement.
//
// usage: driver_bench <master> reconcile <n>...
//        driver_bench <master> calls <count>
//        driver_bench <master> launch-calls <count>   (the launchTasks part of calls)
//        driver_bench <master> peer <reconcile n> <launch count> <taskSeconds>
//          (bench/peer: reconcile n unknown tasks, then launch count sleep tasks)
//        driver_bench <master> lifecycles <n> <task.pb>   (bench/lifecycles, lifecycles.cpp)

#include <sys/resource.h>
#include <time.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <mesos/scheduler.hpp>
#include <mutex>
#include <string>
#include <vector>

#include "lifecycles.hpp"
#include "resident.hpp"

using Clock = std::chrono::steady_clock;

class CountingScheduler : public mesos::Scheduler {
 public:
  void registered(mesos::SchedulerDriver*, const mesos::FrameworkID&,
                  const mesos::MasterInfo&) override {
    std::lock_guard<std::mutex> lock(mutex);
    isRegistered = true;
    changed.notify_all();
  }

  void statusUpdate(mesos::SchedulerDriver*, const mesos::TaskStatus& status) override {
    std::lock_guard<std::mutex> lock(mutex);
    ++updates;
    if (launching) {
      if (status.state() == mesos::TASK_RUNNING) {
        const double now =
            std::chrono::duration<double>(std::chrono::system_clock::now().time_since_epoch())
                .count();
        runningDelaysMs.push_back((now - status.timestamp()) * 1000);
      } else if (status.state() == mesos::TASK_FINISHED) {
        if (++finished == toLaunch) lastFinished = Clock::now();
      } else if (status.state() != mesos::TASK_STARTING) {
        std::cerr << "task ended " << mesos::TaskState_Name(status.state()) << std::endl;
      }
    }
    changed.notify_all();
  }

  void error(mesos::SchedulerDriver*, const std::string& message) override {
    std::cerr << "error: " << message << std::endl;
    std::exit(1);
  }

  void reregistered(mesos::SchedulerDriver*, const mesos::MasterInfo&) override {}
  void disconnected(mesos::SchedulerDriver*) override {}
  // While launching: as many `sleep` tasks of kTaskCpus and kTaskMem as each offer holds,
  // until toLaunch were launched; offers that arrive before are held until then.
  void resourceOffers(mesos::SchedulerDriver* driver,
                      const std::vector<mesos::Offer>& offers) override {
    std::lock_guard<std::mutex> lock(mutex);
    for (const mesos::Offer& offer : offers) {
      if (launching) {
        useOffer(driver, offer);
      } else {
        held.push_back(offer);
      }
    }
  }
  void offerRescinded(mesos::SchedulerDriver*, const mesos::OfferID&) override {}
  void frameworkMessage(mesos::SchedulerDriver*, const mesos::ExecutorID&, const mesos::SlaveID&,
                        const std::string&) override {}
  void slaveLost(mesos::SchedulerDriver*, const mesos::SlaveID&) override {}
  void executorLost(mesos::SchedulerDriver*, const mesos::ExecutorID&, const mesos::SlaveID&,
                    int) override {}

  void waitForRegistration() {
    std::unique_lock<std::mutex> lock(mutex);
    changed.wait(lock, [this] { return isRegistered; });
  }

  void waitForUpdates(size_t count) {
    std::unique_lock<std::mutex> lock(mutex);
    changed.wait(lock, [&] { return updates >= count; });
  }

  void resetUpdates() {
    std::lock_guard<std::mutex> lock(mutex);
    updates = 0;
  }

  void startLaunching(mesos::SchedulerDriver* driver, size_t count, int seconds) {
    std::lock_guard<std::mutex> lock(mutex);
    launching = true;
    toLaunch = remaining = count;
    taskSeconds = seconds;
    std::vector<mesos::Offer> offers;
    offers.swap(held);
    for (const mesos::Offer& offer : offers) useOffer(driver, offer);
  }

  // Milliseconds from the first launch to the last TASK_FINISHED, once all have finished.
  double waitForFinished() {
    std::unique_lock<std::mutex> lock(mutex);
    changed.wait(lock, [&] { return finished >= toLaunch; });
    return std::chrono::duration<double, std::milli>(lastFinished - firstLaunch).count();
  }

  std::vector<double> runningDelays() {
    std::lock_guard<std::mutex> lock(mutex);
    return runningDelaysMs;
  }

 private:
  static constexpr double kTaskCpus = 0.1;
  static constexpr double kTaskMem = 16;

  void useOffer(mesos::SchedulerDriver* driver, const mesos::Offer& offer) {
    double cpus = 0, mem = 0;
    for (const mesos::Resource& resource : offer.resources()) {
      if (resource.name() == "cpus") cpus += resource.scalar().value();
      if (resource.name() == "mem") mem += resource.scalar().value();
    }
    const size_t fit = std::min({remaining, static_cast<size_t>((cpus + 1e-9) / kTaskCpus),
                                 static_cast<size_t>((mem + 1e-9) / kTaskMem)});
    mesos::Filters filters;
    if (fit == 0) {
      filters.set_refuse_seconds(remaining == 0 ? 3600 : 0);
      driver->declineOffer(offer.id(), filters);
      return;
    }
    std::vector<mesos::TaskInfo> tasks(fit);
    for (mesos::TaskInfo& task : tasks) {
      const std::string id = "peer-task-" + std::to_string(nextTask++);
      task.set_name(id);
      task.mutable_task_id()->set_value(id);
      task.mutable_slave_id()->CopyFrom(offer.slave_id());
      task.mutable_command()->set_value("sleep " + std::to_string(taskSeconds));
      task.mutable_command()->set_shell(true);
      mesos::Resource* resource = task.add_resources();
      resource->set_name("cpus");
      resource->set_type(mesos::Value::SCALAR);
      resource->mutable_scalar()->set_value(kTaskCpus);
      resource = task.add_resources();
      resource->set_name("mem");
      resource->set_type(mesos::Value::SCALAR);
      resource->mutable_scalar()->set_value(kTaskMem);
    }
    remaining -= fit;
    if (nextTask == fit) firstLaunch = Clock::now();
    filters.set_refuse_seconds(0);
    driver->launchTasks(std::vector<mesos::OfferID>{offer.id()}, tasks, filters);
  }

  std::mutex mutex;
  std::condition_variable changed;
  bool isRegistered = false;
  size_t updates = 0;
  bool launching = false;
  std::vector<mesos::Offer> held;
  size_t toLaunch = 0, remaining = 0, nextTask = 0, finished = 0;
  int taskSeconds = 1;
  Clock::time_point firstLaunch, lastFinished;
  std::vector<double> runningDelaysMs;
};

static double cpuMilliseconds() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return (usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1e3 +
         (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e3;
}

// CPU time of the calling thread: what a loop of calls costs, whatever else the machine runs.
static double threadCpuMilliseconds() {
  timespec now{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
  return now.tv_sec * 1e3 + now.tv_nsec / 1e6;
}

static double millisecondsSince(Clock::time_point start) {
  return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

static void reconcile(mesos::MesosSchedulerDriver& driver, CountingScheduler& scheduler, size_t n) {
  std::vector<mesos::TaskStatus> statuses(n);
  for (size_t i = 0; i < n; ++i) {
    statuses[i].mutable_task_id()->set_value("task " + std::to_string(i));
    statuses[i].set_state(mesos::TASK_STAGING);
  }
  scheduler.resetUpdates();
  const double cpuBefore = cpuMilliseconds();
  const Clock::time_point start = Clock::now();
  driver.reconcileTasks(statuses);
  scheduler.waitForUpdates(n);
  const double ms = millisecondsSince(start);
  std::cout << "{\"bench\":\"reconcile\",\"impl\":\"c++\",\"tasks\":" << n << ",\"ms\":" << ms
            << ",\"cpuMs\":" << cpuMilliseconds() - cpuBefore
            << ",\"rssKb\":" << residentKilobytes() << "}" << std::endl;
}

static void launch(mesos::MesosSchedulerDriver& driver, CountingScheduler& scheduler, size_t count,
                   int taskSeconds) {
  scheduler.startLaunching(&driver, count, taskSeconds);
  const double ms = scheduler.waitForFinished();
  std::vector<double> delays = scheduler.runningDelays();
  std::sort(delays.begin(), delays.end());
  auto at = [&](double p) {
    return delays.empty()
               ? 0.0
               : delays[std::min(delays.size() - 1, static_cast<size_t>(delays.size() * p))];
  };
  std::cout << "{\"bench\":\"launch\",\"impl\":\"c++\",\"tasks\":" << count << ",\"ms\":" << ms
            << ",\"runningUpdates\":" << delays.size() << ",\"runningP50Ms\":" << at(0.5)
            << ",\"runningP99Ms\":" << at(0.99) << ",\"rssKb\":" << residentKilobytes() << "}"
            << std::endl;
}

static void launchCalls(mesos::MesosSchedulerDriver& driver, CountingScheduler& scheduler,
                        size_t count) {
  mesos::Filters filters;
  filters.set_refuse_seconds(5);
  Clock::time_point start;

  std::vector<mesos::OfferID> offerIds(1);
  std::vector<mesos::TaskInfo> tasks(1);
  tasks[0].set_name("bench");
  tasks[0].mutable_slave_id()->set_value("bench-agent");
  tasks[0].mutable_command()->set_value("true");
  mesos::Resource* cpus = tasks[0].add_resources();
  cpus->set_name("cpus");
  cpus->set_type(mesos::Value::SCALAR);
  cpus->mutable_scalar()->set_value(1);
  scheduler.resetUpdates();
  const double cpuBefore = threadCpuMilliseconds();
  start = Clock::now();
  for (size_t i = 0; i < count; ++i) {
    offerIds[0].set_value("bench-offer-" + std::to_string(i));
    tasks[0].mutable_task_id()->set_value("bench-task-" + std::to_string(i));
    driver.launchTasks(offerIds, tasks, filters);
  }
  double ms = millisecondsSince(start);
  double cpuMs = threadCpuMilliseconds() - cpuBefore;
  scheduler.waitForUpdates(count);
  std::cout << "{\"bench\":\"calls\",\"call\":\"launchTasks\",\"impl\":\"c++\",\"count\":" << count
            << ",\"ms\":" << ms << ",\"threadCpuMs\":" << cpuMs
            << ",\"answeredMs\":" << millisecondsSince(start) << "}" << std::endl;

  // The same calls with each message made anew from its bytes, as the addon makes them.
  std::vector<std::string> taskBytes(count), offerBytes(count);
  for (size_t i = 0; i < count; ++i) {
    offerIds[0].set_value("bench-offer-p" + std::to_string(i));
    tasks[0].mutable_task_id()->set_value("bench-task-p" + std::to_string(i));
    offerIds[0].SerializeToString(&offerBytes[i]);
    tasks[0].SerializeToString(&taskBytes[i]);
  }
  std::string filterBytes = filters.SerializeAsString();
  scheduler.resetUpdates();
  const double parsedCpuBefore = threadCpuMilliseconds();
  start = Clock::now();
  for (size_t i = 0; i < count; ++i) {
    std::vector<mesos::OfferID> parsedOffers(1);
    std::vector<mesos::TaskInfo> parsedTasks(1);
    mesos::Filters parsedFilters;
    parsedOffers[0].ParseFromString(offerBytes[i]);
    parsedTasks[0].ParseFromString(taskBytes[i]);
    parsedFilters.ParseFromString(filterBytes);
    driver.launchTasks(parsedOffers, parsedTasks, parsedFilters);
  }
  ms = millisecondsSince(start);
  cpuMs = threadCpuMilliseconds() - parsedCpuBefore;
  scheduler.waitForUpdates(count);
  std::cout << "{\"bench\":\"calls\",\"call\":\"launchTasks from bytes\",\"impl\":\"c++\","
            << "\"count\":" << count << ",\"ms\":" << ms << ",\"threadCpuMs\":" << cpuMs
            << ",\"answeredMs\":" << millisecondsSince(start) << "}" << std::endl;
}

static void calls(mesos::MesosSchedulerDriver& driver, CountingScheduler& scheduler, size_t count) {
  mesos::Filters filters;
  filters.set_refuse_seconds(5);

  mesos::OfferID offerId;
  Clock::time_point start = Clock::now();
  for (size_t i = 0; i < count; ++i) {
    offerId.set_value("bench-offer-" + std::to_string(i));
    driver.declineOffer(offerId, filters);
  }
  std::cout << "{\"bench\":\"calls\",\"call\":\"declineOffer\",\"impl\":\"c++\",\"count\":" << count
            << ",\"ms\":" << millisecondsSince(start) << "}" << std::endl;

  launchCalls(driver, scheduler, count);
  double ms;

  std::vector<mesos::TaskStatus> one(1);
  scheduler.resetUpdates();
  start = Clock::now();
  for (size_t i = 0; i < count; ++i) {
    one[0].mutable_task_id()->set_value("bench-task-" + std::to_string(i));
    one[0].set_state(mesos::TASK_STAGING);
    driver.reconcileTasks(one);
  }
  ms = millisecondsSince(start);
  scheduler.waitForUpdates(count);
  std::cout << "{\"bench\":\"calls\",\"call\":\"reconcileTasks\",\"impl\":\"c++\",\"count\":"
            << count << ",\"ms\":" << ms << ",\"answeredMs\":" << millisecondsSince(start) << "}"
            << std::endl;
}

int main(int argc, char** argv) {
  if (argc < 4) {
    std::cerr << "usage: " << argv[0] << " <master> reconcile <n>... | <master> calls <count>"
              << " | <master> peer <n> <count> <taskSeconds>" << std::endl;
    return 2;
  }
  const std::string master = argv[1];
  const std::string what = argv[2];
  if (what == "lifecycles" && argc == 5)
    return runLifecycles(master, std::strtoull(argv[3], nullptr, 10), argv[4]);

  mesos::FrameworkInfo framework;
  framework.set_user("");
  framework.set_name("mesos-napi bench (C++)");

  CountingScheduler scheduler;
  mesos::MesosSchedulerDriver driver(&scheduler, framework, master, true);
  driver.start();
  scheduler.waitForRegistration();

  if (what == "peer" && argc == 6) {
    reconcile(driver, scheduler, std::strtoull(argv[3], nullptr, 10));
    launch(driver, scheduler, std::strtoull(argv[4], nullptr, 10), std::atoi(argv[5]));
    argc = 3;
  }
  for (int i = 3; i < argc; ++i) {
    const size_t n = std::strtoull(argv[i], nullptr, 10);
    if (what == "reconcile") {
      reconcile(driver, scheduler, n);
    } else if (what == "calls") {
      calls(driver, scheduler, n);
    } else if (what == "launch-calls") {
      launchCalls(driver, scheduler, n);
    }
  }

  driver.stop();
  driver.join();
  return 0;
}
