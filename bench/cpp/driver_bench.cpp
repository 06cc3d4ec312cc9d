// The C++ baseline for `npm run bench`: the same work as bench/*.ts, done by a C++
// framework on the same libmesos. Prints one JSON object per measurement.
//
// usage: driver_bench <master> reconcile <n>...
//        driver_bench <master> calls <count>

#include <unistd.h>

#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <mesos/scheduler.hpp>
#include <mutex>
#include <string>
#include <vector>

using Clock = std::chrono::steady_clock;

class CountingScheduler : public mesos::Scheduler {
 public:
  void registered(mesos::SchedulerDriver*, const mesos::FrameworkID&,
                  const mesos::MasterInfo&) override {
    std::lock_guard<std::mutex> lock(mutex);
    isRegistered = true;
    changed.notify_all();
  }

  void statusUpdate(mesos::SchedulerDriver*, const mesos::TaskStatus&) override {
    std::lock_guard<std::mutex> lock(mutex);
    ++updates;
    changed.notify_all();
  }

  void error(mesos::SchedulerDriver*, const std::string& message) override {
    std::cerr << "error: " << message << std::endl;
    std::exit(1);
  }

  void reregistered(mesos::SchedulerDriver*, const mesos::MasterInfo&) override {}
  void disconnected(mesos::SchedulerDriver*) override {}
  void resourceOffers(mesos::SchedulerDriver*, const std::vector<mesos::Offer>&) override {}
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

 private:
  std::mutex mutex;
  std::condition_variable changed;
  bool isRegistered = false;
  size_t updates = 0;
};

static long residentKilobytes() {
  long pages = 0, resident = 0;
  FILE* statm = std::fopen("/proc/self/statm", "r");
  if (statm != nullptr) {
    if (std::fscanf(statm, "%ld %ld", &pages, &resident) != 2) resident = 0;
    std::fclose(statm);
  }
  return resident * (sysconf(_SC_PAGESIZE) / 1024);
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
  const Clock::time_point start = Clock::now();
  driver.reconcileTasks(statuses);
  scheduler.waitForUpdates(n);
  std::cout << "{\"bench\":\"reconcile\",\"impl\":\"c++\",\"tasks\":" << n
            << ",\"ms\":" << millisecondsSince(start) << ",\"rssKb\":" << residentKilobytes() << "}"
            << std::endl;
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
  start = Clock::now();
  for (size_t i = 0; i < count; ++i) {
    offerIds[0].set_value("bench-offer-" + std::to_string(i));
    tasks[0].mutable_task_id()->set_value("bench-task-" + std::to_string(i));
    driver.launchTasks(offerIds, tasks, filters);
  }
  double ms = millisecondsSince(start);
  scheduler.waitForUpdates(count);
  std::cout << "{\"bench\":\"calls\",\"call\":\"launchTasks\",\"impl\":\"c++\",\"count\":" << count
            << ",\"ms\":" << ms << ",\"answeredMs\":" << millisecondsSince(start) << "}"
            << std::endl;

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
              << std::endl;
    return 2;
  }
  const std::string master = argv[1];
  const std::string what = argv[2];

  mesos::FrameworkInfo framework;
  framework.set_user("");
  framework.set_name("mesos-napi bench (C++)");

  CountingScheduler scheduler;
  mesos::MesosSchedulerDriver driver(&scheduler, framework, master, true);
  driver.start();
  scheduler.waitForRegistration();

  for (int i = 3; i < argc; ++i) {
    const size_t n = std::strtoull(argv[i], nullptr, 10);
    if (what == "reconcile") {
      reconcile(driver, scheduler, n);
    } else if (what == "calls") {
      calls(driver, scheduler, n);
    }
  }

  driver.stop();
  driver.join();
  return 0;
}
