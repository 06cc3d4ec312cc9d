import { MesosSchedulerDriver } from '../../src/scheduler/scheduler-driver';
import { Status } from '../../src/status';
import { describeWithMesos } from '../support/mesos';
import { launchCommandOnce, Recorder } from '../support/recorder';
import { processesCounted, processesMatching, useLocalCluster } from '../support/cluster';

/** Launches one `sleep <marker>` task on the first offer. */
function launchSleeper(recorder: Recorder, marker: number): void {
  launchCommandOnce(recorder, 'sleeper', `sleeper-${marker}`, `sleep ${marker}`);
}

describeWithMesos(
  'framework registration, failover and teardown (after fault_tolerance_tests.cpp)',
  () => {
    const cluster = useLocalCluster();

    test('stop(true) then a new driver with the same id within the failover timeout gets the task back', async () => {
      const first = new Recorder();
      launchSleeper(first, 4321);
      const framework = { user: '', name: 'failover test', failoverTimeout: 60 };
      const driver1 = new MesosSchedulerDriver(first, { framework, master: cluster().master });
      driver1.start();
      await first.until('the task to run', () =>
        first.statesOf('sleeper-4321').includes('TASK_RUNNING'),
      );
      const id = first.frameworkId!;
      expect(driver1.stop(true)).toBe(Status.DRIVER_STOPPED);
      await driver1.join();
      // The task itself, not the shell the command executor starts it with (which may still
      // be there, or not yet have started it, when TASK_RUNNING arrives).
      // Under load the command executor may start it well after TASK_RUNNING: wait for it.
      expect(await processesCounted('^sleep 4321$', 1, 60_000)).toHaveLength(1);

      const second = new Recorder();
      const driver2 = new MesosSchedulerDriver(second, {
        framework: { ...framework, id },
        master: cluster().master,
      });
      driver2.start();
      await second.until('registration with the same id', () => second.frameworkId !== undefined);
      expect(second.frameworkId).toEqual(id);
      driver2.reconcileTasks([]);
      await second.until('the running task to be reported', () =>
        second.statesOf('sleeper-4321').includes('TASK_RUNNING'),
      );

      expect(driver2.stop(false)).toBe(Status.DRIVER_STOPPED);
      await driver2.join();
      expect(await processesMatching('sleep 4321', 60_000)).toEqual([]);
    }, 90_000);

    test('stop(false) tears the framework down and its tasks are killed', async () => {
      const recorder = new Recorder();
      launchSleeper(recorder, 4322);
      const driver = new MesosSchedulerDriver(recorder, {
        framework: { user: '', name: 'teardown test', failoverTimeout: 60 },
        master: cluster().master,
      });
      driver.start();
      await recorder.until('the task to run', () =>
        recorder.statesOf('sleeper-4322').includes('TASK_RUNNING'),
      );
      expect(driver.stop(false)).toBe(Status.DRIVER_STOPPED);
      await expect(driver.join()).resolves.toBe(Status.DRIVER_STOPPED);
      expect(await processesMatching('sleep 4322')).toEqual([]);
    }, 90_000);
  },
);
