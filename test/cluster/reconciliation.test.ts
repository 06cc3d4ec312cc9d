import { MesosSchedulerDriver } from '../../src/scheduler/scheduler-driver';
import { Status } from '../../src/status';
import { describeWithMesos } from '../support/mesos';
import { useLocalCluster } from '../support/cluster';
import { launchCommandOnce, Recorder } from '../support/recorder';

describeWithMesos('reconciliation (after mesos src/tests/reconciliation_tests.cpp)', () => {
  const cluster = useLocalCluster();

  test('explicit for an unknown task and implicit for a running one, with REASON_RECONCILIATION', async () => {
    const recorder = new Recorder();
    launchCommandOnce(recorder, 'sleeper', 'sleeper', 'sleep 1000');
    const driver = new MesosSchedulerDriver(recorder, {
      framework: { user: '', name: 'reconciliation test' },
      master: cluster().master,
    });
    driver.start();
    await recorder.until('the task to run', () =>
      recorder.statesOf('sleeper').includes('TASK_RUNNING'),
    );

    const before = recorder.statuses.length;
    expect(
      driver.reconcileTasks([{ taskId: { value: 'never-launched' }, state: 'TASK_RUNNING' }]),
    ).toBe(Status.DRIVER_RUNNING);
    await recorder.until(
      'the explicit answer',
      () => recorder.statesOf('never-launched').length > 0,
    );
    const unknown = recorder.statuses.find((s) => s.taskId.value === 'never-launched')!;
    expect(unknown.state).toBe('TASK_LOST');
    expect(unknown.reason).toBe('REASON_RECONCILIATION');

    driver.reconcileTasks([]);
    await recorder.until('the implicit answer', () =>
      recorder.statuses
        .slice(before)
        .some((s) => s.taskId.value === 'sleeper' && s.reason === 'REASON_RECONCILIATION'),
    );
    const implicit = recorder.statuses.slice(before).find((s) => s.taskId.value === 'sleeper')!;
    expect(implicit.state).toBe('TASK_RUNNING');
    expect(driver.stop()).toBe(Status.DRIVER_STOPPED);
    await driver.join();
  }, 60_000);
});
