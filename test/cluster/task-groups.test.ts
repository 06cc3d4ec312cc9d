import {
  commandInfo,
  executorInfo,
  filters,
  launchGroup,
  takeResources,
  taskInfo,
  type ResourceLike,
} from '../../src/helpers';
import type { Offer, TaskInfo, Input } from '../../src/messages';
import { MesosSchedulerDriver } from '../../src/scheduler/scheduler-driver';
import { describeWithMesos } from '../support/mesos';
import { useLocalCluster } from '../support/cluster';
import { OfferTaker } from '../support/offer-taker';
import { Recorder } from '../support/recorder';

/** Launches one task group (a task per command) on the default executor, from the classic driver. */
async function runGroup(master: string, commands: Record<string, string>) {
  const recorder = new Recorder();
  const offers = new OfferTaker(recorder);
  const driver = new MesosSchedulerDriver(recorder, {
    framework: { user: '', name: 'task group test' },
    master,
  });
  driver.start();
  const offer: Offer = await offers.take('an offer');
  let left: ResourceLike[] = offer.resources;
  const take = (cpus: number, mem: number, disk = 0) => {
    const got = takeResources(left, { cpus, mem, disk })!;
    left = got.remaining;
    return got.taken;
  };
  const executor = executorInfo({
    type: 'DEFAULT',
    executorId: { value: 'default' },
    frameworkId: recorder.frameworkId!,
    resources: take(0.1, 32, 32),
  });
  const tasks: Input<TaskInfo>[] = Object.entries(commands).map(([name, command]) =>
    taskInfo({
      name,
      taskId: { value: name },
      agentId: offer.slaveId,
      resources: take(0.1, 32),
      command: commandInfo(command),
    }),
  );
  driver.acceptOffers([offer.id], [launchGroup(executor, tasks)], filters(1));
  return { recorder, driver };
}

// After Mesos's default_executor_tests.cpp: LAUNCH_GROUP through the scheduler driver.
describeWithMesos('task groups on the default executor', () => {
  const cluster = useLocalCluster();

  test('every task of the group reaches RUNNING, then FINISHED', async () => {
    const { recorder, driver } = await runGroup(cluster().master, {
      first: 'sleep 1',
      second: 'sleep 2',
    });
    await recorder.until(
      'both tasks to end',
      () => ['first', 'second'].every((t) => recorder.statesOf(t).includes('TASK_FINISHED')),
      45_000,
    );
    for (const task of ['first', 'second']) {
      const states = recorder.statesOf(task);
      expect(states.indexOf('TASK_RUNNING')).toBeGreaterThanOrEqual(0);
      expect(states.indexOf('TASK_RUNNING')).toBeLessThan(states.indexOf('TASK_FINISHED'));
    }
    const running = recorder.statuses.find((s) => s.state === 'TASK_RUNNING')!;
    expect(running.executorId).toEqual({ value: 'default' });
    driver.stop();
    await driver.join();
  }, 60_000);

  test('a member that fails kills the rest of the group', async () => {
    const { recorder, driver } = await runGroup(cluster().master, {
      failing: 'sleep 1; exit 3',
      sleeper: 'sleep 600',
    });
    await recorder.until(
      'both tasks to end',
      () =>
        recorder.statesOf('failing').includes('TASK_FAILED') &&
        recorder.statesOf('sleeper').includes('TASK_KILLED'),
      45_000,
    );
    expect(recorder.statesOf('sleeper')).toContain('TASK_RUNNING');
    driver.stop();
    await driver.join();
  }, 60_000);
});
