import type { TaskInfo } from 'mesos-napi';
import { ServiceNotReadyError, ServiceScheduler } from 'mesos-napi/services';
import { SimulatedState, type TaskScript } from 'mesos-napi/testing';
import { agents, cluster, liveTasks, pod, runService, service } from './harness';

const healthCheck = { command: 'true', gracePeriodSeconds: 30 };
const web = (command: string) => pod('web', 3, { command, healthCheck });
const healthyAfter =
  (delay: string) =>
  (_task: TaskInfo): TaskScript => ({
    steps: [
      { state: 'TASK_STARTING' },
      { state: 'TASK_RUNNING' },
      { after: delay, state: 'TASK_RUNNING', healthy: true },
    ],
  });

/** Every instance id launched, once per launch. */
const launchedInstances = (launched: readonly { task: TaskInfo }[]) =>
  launched.map((l) => l.task.labels!.labels.find((x) => x.key === 'mesos-napi.instance')!.value);

test('a master failover: the service reconciles, keeps its instances and replaces one that ended meanwhile', async () => {
  const c = cluster({ agents: agents(2) });
  c.onLaunch(healthyAfter('2s'));
  // web-1's first task fails 8 s after its launch, while the master is down.
  c.onLaunch((task) =>
    task.taskId.value.startsWith('shop.web-1.1-')
      ? {
          steps: [
            ...healthyAfter('2s')(task).steps,
            { after: '6s', state: 'TASK_FAILED', message: 'exited 1' },
          ],
        }
      : undefined,
  );
  const { scheduler, driver } = runService(c, service(web('serve')));
  await c.advance('5s');
  const before = liveTasks(c);
  expect(before).toHaveLength(3);
  c.failoverMaster({ downFor: '10s' });
  await c.advance('1s');
  expect(scheduler.status().registered).toBe(false);
  await c.advance('10s');
  expect(scheduler.status().registered).toBe(true);
  // The new master was asked about the three tasks by id, and about every task.
  const reconciles = c.calls.filter((call) => call.method === 'reconcileTasks');
  const explicit = reconciles.filter((call) => (call.args[0] as unknown[]).length > 0);
  expect(explicit.at(-1)!.args[0]).toHaveLength(3);
  expect(reconciles.some((call) => (call.args[0] as unknown[]).length === 0)).toBe(true);
  await c.advance('5s');
  // web-1's failure reached the scheduler once the agent sent it again: one more launch.
  expect(launchedInstances(c.launched)).toEqual(['web-0', 'web-1', 'web-2', 'web-1']);
  const after = liveTasks(c);
  expect(after.filter((t) => t.instance !== 'web-1')).toEqual(
    before.filter((t) => t.instance !== 'web-1'),
  );
  expect(after.find((t) => t.instance === 'web-1')!.taskId).toMatch(/^shop\.web-1\.2-/);
  expect(scheduler.status().pods[0]).toMatchObject({ running: 3, healthy: 3 });
  driver.stop();
  scheduler.close();
});

test('a new scheduler on the same State mid-update resumes it, launching nothing twice', async () => {
  const c = cluster({ agents: agents(2) });
  c.onLaunch(healthyAfter('5s'));
  const state = new SimulatedState();
  const first = runService(c, service(web('serve v1')), { state });
  await c.advance('10s');
  await first.scheduler.update(service(web('serve v2')));
  // Let the update start its new instances, then the scheduler goes (failover: tasks stay).
  await c.advance('2s');
  const frameworkId = first.scheduler.frameworkId!.value;
  const midway = first.scheduler.status();
  expect(midway.deployment?.state).toBe('running');
  expect(midway.pods[0].instanceList.filter((i) => i.version === 2).length).toBeGreaterThan(0);
  first.driver.stop(true);
  first.scheduler.close();
  await c.advance('3s');

  // The new scheduler is given the old definition: the stored one, and its update, win.
  const second = runService(c, service(web('serve v1')), { state, frameworkId });
  await c.advance('30s');
  const status = second.scheduler.status();
  expect(status.deployment).toMatchObject({ state: 'succeeded', version: 2, id: 1 });
  expect(status.pods[0].instanceList.map((i) => [i.id, i.version, i.healthy])).toEqual([
    ['web-3', 2, true],
    ['web-4', 2, true],
    ['web-5', 2, true],
  ]);
  // Six launches in all, one per instance: the new scheduler launched nothing again.
  const launched = launchedInstances(c.launched);
  expect(launched.sort()).toEqual(['web-0', 'web-1', 'web-2', 'web-3', 'web-4', 'web-5']);
  expect(
    liveTasks(c)
      .map((t) => t.instance)
      .sort(),
  ).toEqual(['web-3', 'web-4', 'web-5']);
  second.driver.stop();
  second.scheduler.close();
});

test('a scheduler whose record was changed by another stops acting (no second leader)', async () => {
  const c = cluster();
  const state = new SimulatedState();
  const first = runService(c, service(pod('web', 1)), { state });
  await c.advance('2s');
  const frameworkId = first.scheduler.frameworkId!.value;
  // Another scheduler takes over the same record (as a new leader would).
  const second = runService(c, service(pod('web', 1)), { state, frameworkId });
  await c.advance('2s');
  await expect(first.scheduler.scale('web', 2)).rejects.toMatchObject({
    code: 'MESOS_NAPI_SERVICE_STATE_CONFLICT',
  });
  expect(first.scheduler.status().failure).toMatch(/changed by another scheduler/);
  await second.scheduler.scale('web', 2);
  await c.advance('2s');
  expect(
    liveTasks(c)
      .map((t) => t.instance)
      .sort(),
  ).toEqual(['web-0', 'web-1']);
  first.scheduler.close();
  second.driver.stop();
  second.scheduler.close();
});

test('a scheduler that registers again reads its record afresh: another led in between', async () => {
  const c = cluster();
  const state = new SimulatedState();
  const a = runService(c, service(pod('web', 1)), { state });
  await c.advance('2s');
  const frameworkId = a.scheduler.frameworkId!.value;
  a.driver.stop(true);
  // B leads for a while and scales the service up.
  const b = runService(c, service(pod('web', 1)), { state, frameworkId });
  await c.advance('2s');
  await b.scheduler.scale('web', 2);
  await c.advance('2s');
  b.driver.stop(true);
  b.scheduler.close();
  // A leads again, with the same ServiceScheduler: it knows B's instance, and can write.
  const driver = c.schedulerDriver(a.scheduler, {
    framework: {
      user: 'tester',
      name: 'services test',
      failoverTimeout: 3600,
      id: { value: frameworkId },
    },
  });
  driver.start();
  await c.advance('2s');
  await a.scheduler.scale('web', 3);
  await c.advance('2s');
  expect(a.scheduler.status().failure).toBeUndefined();
  expect(
    liveTasks(c)
      .map((t) => t.instance)
      .sort(),
  ).toEqual(['web-0', 'web-1', 'web-2']);
  expect(c.launched).toHaveLength(3);
  driver.stop();
  a.scheduler.close();
});

test('scaled down while the master is away: the surplus is killed once it is back', async () => {
  const c = cluster({ agents: agents(2) });
  const { scheduler, driver, events } = runService(c, service(pod('web', 3)));
  await c.advance('2s');
  c.failoverMaster({ downFor: '10s' });
  await c.advance('1s');
  await scheduler.scale('web', 1);
  // No kill can reach a master now: none is sent.
  expect(events.filter((e) => e.type === 'instance-kill-requested')).toEqual([]);
  await c.advance('12s');
  expect(events.filter((e) => e.type === 'instance-kill-requested').map((e) => e.at)).toEqual([
    expect.any(Number),
    expect.any(Number),
  ]);
  expect(liveTasks(c).map((t) => t.instance)).toEqual(['web-0']);
  expect(scheduler.status().pods[0].instanceList.map((i) => i.id)).toEqual(['web-0']);
  driver.stop();
  scheduler.close();
});

test('frameworkId before the record is read is refused (undefined would register a second framework beside the first); after ready() it is the stored one', async () => {
  const c = cluster({ agents: agents(1) });
  const state = new SimulatedState();
  const first = runService(c, service(web('serve')), { state });
  await c.advance('2s');
  const id = first.scheduler.frameworkId!.value;
  first.driver.stop(true);
  first.scheduler.close();
  const second = new ServiceScheduler({ definition: service(web('serve')), state });
  expect(() => second.frameworkId).toThrow(ServiceNotReadyError);
  expect(() => second.frameworkId).toThrow(/await ready\(\) first/);
  await second.ready();
  expect(second.frameworkId).toEqual({ value: id });
  second.close();
  await first.driver.join();
});

test('two schedulers started at once on an empty State: one makes the record, the other does not fail (it reads the record again when it registers)', async () => {
  const state = new SimulatedState();
  const a = new ServiceScheduler({ definition: service(web('serve')), state });
  const b = new ServiceScheduler({ definition: service(web('serve')), state });
  await expect(Promise.all([a.ready(), b.ready()])).resolves.toBeDefined();
  expect(b.status().failure).toBeUndefined();
  expect(b.status().name).toBe('shop');
  a.close();
  b.close();
});
