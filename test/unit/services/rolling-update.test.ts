import type { TaskInfo } from 'mesos-napi';
import type { ServiceStatus } from 'mesos-napi/services';
import type { SimulatedCluster, TaskScript } from 'mesos-napi/testing';
import { agents, cluster, liveTasks, pod, runService, service } from './harness';

const healthCheck = { command: 'curl -f localhost:$PORT0', gracePeriodSeconds: 30 };
const web = (command: string, fields = {}) =>
  pod('web', 3, { command, healthCheck, resources: { cpus: 0.5, mem: 128, ports: 1 }, ...fields });

/** Tasks whose command holds 'broken' never pass their health check and are killed for it. */
function scripts(c: SimulatedCluster): void {
  c.onLaunch((task: TaskInfo): TaskScript => {
    if (task.command?.value?.includes('broken')) {
      return {
        steps: [
          { state: 'TASK_STARTING' },
          { state: 'TASK_RUNNING' },
          { after: '5s', state: 'TASK_RUNNING', healthy: false },
          { after: '30s', state: 'TASK_KILLED', healthy: false, message: 'health check failed' },
        ],
      };
    }
    return {
      steps: [
        { state: 'TASK_STARTING' },
        { state: 'TASK_RUNNING' },
        { after: '3s', state: 'TASK_RUNNING', healthy: true },
      ],
    };
  });
}

const counts = (status: ServiceStatus, version: number) => {
  const instances = status.pods[0].instanceList;
  const of = instances.filter((i) => i.version === version);
  return {
    healthy: instances.filter((i) => i.state === 'TASK_RUNNING' && i.healthy).length,
    running: of.filter((i) => i.state === 'TASK_RUNNING').length,
  };
};

test('a rolling update: a new instance healthy before an old one goes, within the capacities', async () => {
  const c = cluster({ agents: agents(2) });
  scripts(c);
  const { scheduler, driver, events } = runService(c, service(web('serve v1')));
  await c.advance('10s');
  expect(counts(scheduler.status(), 1)).toEqual({ healthy: 3, running: 3 });

  const deployment = await scheduler.update(service(web('serve v2')));
  expect(deployment).toMatchObject({ version: 2, state: 'running', pods: ['web'] });
  // Defaults (minimumHealthCapacity 1, maximumOverCapacity 1): never fewer than 3 healthy,
  // never more than 6 tasks; checked every 100 ms of the update.
  for (let t = 0; t < 300 && scheduler.status().deployment?.state === 'running'; t++) {
    await c.advance('100ms');
    const status = scheduler.status();
    expect(counts(status, 1).healthy).toBeGreaterThanOrEqual(3);
    expect(liveTasks(c).length).toBeLessThanOrEqual(6);
  }
  await c.advance('1s');
  const status = scheduler.status();
  expect(status.deployment).toMatchObject({ state: 'succeeded', version: 2 });
  expect(status.pods[0].instanceList.map((i) => [i.id, i.version, i.healthy])).toEqual([
    ['web-3', 2, true],
    ['web-4', 2, true],
    ['web-5', 2, true],
  ]);
  expect(
    liveTasks(c)
      .map((t) => t.instance)
      .sort(),
  ).toEqual(['web-3', 'web-4', 'web-5']);
  // Each old instance's kill came after a new instance's first healthy report.
  const kills = events.filter((e) => e.type === 'instance-kill-requested');
  const healthyNew = events.filter(
    (e) => e.type === 'instance-healthy' && e.at >= deployment!.startedAt,
  );
  expect(kills).toHaveLength(3);
  kills.forEach((kill, i) => expect(healthyNew[i].at).toBeLessThanOrEqual(kill.at));
  expect(events.filter((e) => e.type === 'deployment-succeeded')).toHaveLength(1);
  driver.stop();
  scheduler.close();
});

test('minimumHealthCapacity 0.5, maximumOverCapacity 0: old instances go first, one at a time', async () => {
  const c = cluster({ agents: agents(1) });
  scripts(c);
  const upgrade = { minimumHealthCapacity: 0.5, maximumOverCapacity: 0 };
  const { scheduler, driver } = runService(c, service(web('serve v1', { upgrade })));
  await c.advance('10s');
  await scheduler.update(service(web('serve v2', { upgrade })));
  for (let t = 0; t < 300 && scheduler.status().deployment?.state === 'running'; t++) {
    await c.advance('100ms');
    // At least 2 (⌈3 × 0.5⌉) healthy, at most 3 tasks.
    expect(counts(scheduler.status(), 1).healthy).toBeGreaterThanOrEqual(2);
    expect(liveTasks(c).length).toBeLessThanOrEqual(3);
  }
  expect(scheduler.status().deployment?.state).toBe('succeeded');
  driver.stop();
  scheduler.close();
});

test('an update whose instances never become healthy fails, says why, and keeps the old ones', async () => {
  const c = cluster({ agents: agents(2) });
  scripts(c);
  const { scheduler, driver, events } = runService(c, service(web('serve v1')));
  await c.advance('10s');
  await scheduler.update(service(web('serve broken', { upgrade: { maxFailures: 3 } })));
  await c.advance('5m');
  const status = scheduler.status();
  expect(status.deployment).toMatchObject({ state: 'failed', version: 2 });
  expect(status.deployment?.reason).toMatch(
    /^pod 'web': new instances ended 3 times \(maxFailures 3\); the last, web-\d+, TASK_KILLED: health check failed$/,
  );
  expect(events.filter((e) => e.type === 'deployment-failed')).toHaveLength(1);
  // The old instances run on, healthy; nothing of the update is left running.
  expect(status.pods[0].instanceList.map((i) => [i.id, i.version, i.state, i.healthy])).toEqual([
    ['web-0', 1, 'TASK_RUNNING', true],
    ['web-1', 1, 'TASK_RUNNING', true],
    ['web-2', 1, 'TASK_RUNNING', true],
  ]);
  expect(
    liveTasks(c)
      .map((t) => t.instance)
      .sort(),
  ).toEqual(['web-0', 'web-1', 'web-2']);
  // It stopped: no launches after the failure.
  const failedAt = status.deployment!.endedAt!;
  expect(c.launched.filter((l) => l.at > failedAt)).toEqual([]);

  // A fixed definition starts a new update, which replaces the old instances.
  await scheduler.update(service(web('serve v3')));
  await c.advance('30s');
  expect(scheduler.status().deployment).toMatchObject({ state: 'succeeded', version: 3 });
  expect(scheduler.status().pods[0].instanceList.every((i) => i.version === 3 && i.healthy)).toBe(
    true,
  );
  driver.stop();
  scheduler.close();
});

test('an update that changes only the instance count scales, without a deployment', async () => {
  const c = cluster();
  scripts(c);
  const { scheduler, driver } = runService(c, service(web('serve v1')));
  await c.advance('10s');
  expect(await scheduler.update(service(web('serve v1', { instances: 4 })))).toBeUndefined();
  await c.advance('10s');
  expect(scheduler.status().pods[0].instanceList.map((i) => [i.id, i.version])).toEqual([
    ['web-0', 2],
    ['web-1', 2],
    ['web-2', 2],
    ['web-3', 2],
  ]);
  driver.stop();
  scheduler.close();
});
