import { filters, scalar } from '../../src/helpers';
import { MesosSchedulerDriver } from '../../src/scheduler/scheduler-driver';
import { Status } from '../../src/status';
import { describeWithMesos } from '../support/mesos';
import { useLocalCluster } from '../support/cluster';
import { Recorder } from '../support/recorder';

describeWithMesos('killTask of an unknown task, requestResources', () => {
  const cluster = useLocalCluster({ masterFlags: ['--allocation_interval=100ms'] });

  test('the master answers a kill of a task it does not know by reconciling it; requestResources changes nothing', async () => {
    const recorder = new Recorder();
    recorder.onOffers = (driver, offers) => {
      for (const offer of offers) driver.declineOffer(offer.id, filters(0.1));
    };
    const partitionAware = new Recorder();
    const drivers = [
      new MesosSchedulerDriver(recorder, {
        framework: { user: '', name: 'unknown kill' },
        master: cluster().master,
      }),
      new MesosSchedulerDriver(partitionAware, {
        framework: {
          user: '',
          name: 'unknown kill (partition aware)',
          capabilities: [{ type: 'PARTITION_AWARE' }],
        },
        master: cluster().master,
      }),
    ];
    for (const driver of drivers) driver.start();
    await recorder.until('an offer', () => recorder.offers.length > 0);
    await partitionAware.until('registration', () => partitionAware.frameworkId !== undefined);

    expect(drivers[0].killTask({ value: 'never-launched' })).toBe(Status.DRIVER_RUNNING);
    expect(drivers[1].killTask({ value: 'never-launched' })).toBe(Status.DRIVER_RUNNING);
    await recorder.until('an answer', () => recorder.statuses.length > 0);
    await partitionAware.until('an answer', () => partitionAware.statuses.length > 0);
    expect(recorder.statuses[0]).toMatchObject({
      taskId: { value: 'never-launched' },
      state: 'TASK_LOST',
      reason: 'REASON_RECONCILIATION',
    });
    expect(partitionAware.statuses[0]).toMatchObject({
      taskId: { value: 'never-launched' },
      state: 'TASK_UNKNOWN',
      reason: 'REASON_RECONCILIATION',
    });

    expect(
      drivers[0].requestResources([
        { slaveId: { value: cluster().agentId }, resources: [scalar('cpus', 1)] },
      ]),
    ).toBe(Status.DRIVER_RUNNING);
    const before = recorder.offers.length;
    await recorder.until('offers as before', () => recorder.offers.length > before + 2);
    expect(recorder.events.filter((e) => e.startsWith('error'))).toEqual([]);
    for (const driver of drivers) {
      driver.stop();
      await driver.join();
    }
  }, 60_000);
});
