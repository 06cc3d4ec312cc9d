import type { TaskStatus } from '../../src/messages';
import { MesosSchedulerDriver } from '../../src/scheduler/scheduler-driver';
import { Status } from '../../src/status';
import { describeWithMesos } from '../support/mesos';
import { useLocalCluster } from '../support/cluster';
import { launchCommandOnce, Recorder } from '../support/recorder';

const uuidOf = (status: TaskStatus): string => Buffer.from(status.uuid ?? []).toString('hex');

describeWithMesos('status update acknowledgements', () => {
  const cluster = useLocalCluster();

  test('explicit: an unacknowledged update is sent again; once acknowledged, the next one comes', async () => {
    const recorder = new Recorder();
    launchCommandOnce(recorder, 'ack', 'ack', 'sleep 1');
    const driver = new MesosSchedulerDriver(recorder, {
      framework: { user: '', name: 'explicit acknowledgements' },
      master: cluster().master,
      implicitAcknowledgements: false,
    });
    driver.start();
    await recorder.until('a first update', () => recorder.statesOf('ack').length > 0);
    const first = recorder.statuses.find((s) => s.taskId.value === 'ack')!;
    expect(first.uuid).toBeDefined();
    // The agent retries an unacknowledged update after about ten seconds.
    await recorder.until(
      'the same update again',
      () => recorder.statuses.filter((s) => uuidOf(s) === uuidOf(first)).length >= 2,
      25_000,
    );
    expect(recorder.statesOf('ack').every((state) => state === first.state)).toBe(true);
    recorder.onStatus = (d, status) => {
      if (status.uuid) d.acknowledgeStatusUpdate(status);
    };
    expect(driver.acknowledgeStatusUpdate(first)).toBe(Status.DRIVER_RUNNING);
    await recorder.until(
      'the task to finish',
      () => recorder.statesOf('ack').includes('TASK_FINISHED'),
      20_000,
    );
    const states = recorder.statesOf('ack');
    expect(states.indexOf('TASK_FINISHED')).toBeGreaterThan(states.lastIndexOf(first.state));
    driver.stop();
    await driver.join();
  }, 60_000);

  test('implicit (the default): updates flow without acknowledging, and acknowledging is refused', async () => {
    const recorder = new Recorder();
    launchCommandOnce(recorder, 'implicit', 'implicit', 'true');
    const driver = new MesosSchedulerDriver(recorder, {
      framework: { user: '', name: 'implicit acknowledgements' },
      master: cluster().master,
    });
    driver.start();
    await recorder.until('the task to finish', () =>
      recorder.statesOf('implicit').includes('TASK_FINISHED'),
    );
    const uuids = recorder.statuses.filter((s) => s.taskId.value === 'implicit').map(uuidOf);
    expect(new Set(uuids).size).toBe(uuids.length);
    expect(() => driver.acknowledgeStatusUpdate(recorder.statuses[0])).toThrow(
      /implicitAcknowledgements: false/,
    );
    driver.stop();
    await driver.join();
  }, 60_000);
});
