import { freePort } from '../../src/cluster/ports';
import { commandInfo, scalar, taskInfo } from '../../src/helpers';
import { MesosSchedulerDriver } from '../../src/scheduler/scheduler-driver';
import { describeWithMesos } from '../support/mesos';
import { launchOnce, Recorder } from '../support/recorder';
import { useLocalCluster } from '../support/cluster';

describeWithMesos('task outcomes decided by Mesos', () => {
  const cluster = useLocalCluster();

  test('a task asking for more than the offer holds ends in TASK_ERROR', async () => {
    const recorder = new Recorder();
    launchOnce(recorder, (offer) =>
      taskInfo({
        name: 'greedy',
        taskId: { value: 'greedy' },
        agentId: offer.slaveId,
        resources: [scalar('cpus', 1000), scalar('mem', 16)],
        command: commandInfo('true'),
      }),
    );
    const driver = new MesosSchedulerDriver(recorder, {
      framework: { user: '', name: 'invalid task' },
      master: cluster().master,
    });
    driver.start();
    await recorder.until('the verdict', () => recorder.statesOf('greedy').length > 0);
    const status = recorder.statuses.find((s) => s.taskId.value === 'greedy')!;
    expect(status.state).toBe('TASK_ERROR');
    expect(status.reason).toBe('REASON_TASK_INVALID');
    driver.stop();
    await driver.join();
  }, 60_000);

  test('a task launched while disconnected from any master is reported lost at once', async () => {
    const recorder = new Recorder();
    const nowhere = `127.0.0.1:${await freePort('127.0.0.1')}`;
    const driver = new MesosSchedulerDriver(recorder, {
      framework: { user: '', name: 'disconnected launch' },
      master: nowhere,
    });
    driver.start();
    driver.launchTasks({ value: 'no-offer' }, [
      taskInfo({
        name: 'orphan',
        taskId: { value: 'orphan' },
        agentId: { value: 'no-agent' },
        resources: [scalar('cpus', 0.1)],
        command: commandInfo('true'),
      }),
    ]);
    await recorder.until('the local update', () => recorder.statesOf('orphan').length > 0);
    expect(['TASK_LOST', 'TASK_DROPPED']).toContain(recorder.statesOf('orphan')[0]);
    driver.stop();
    await driver.join();
  }, 60_000);
});
