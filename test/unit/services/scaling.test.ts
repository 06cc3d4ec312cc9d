import { agents, cluster, liveTasks, pod, runService, service } from './harness';

test('a service launches its instances, scales up and down, and suppresses offers when satisfied', async () => {
  const c = cluster({ agents: agents(2) });
  const { scheduler, driver } = runService(c, service(pod('web', 3)));
  await c.advance('2s');
  expect(
    liveTasks(c)
      .map((t) => t.instance)
      .sort(),
  ).toEqual(['web-0', 'web-1', 'web-2']);
  const status = scheduler.status();
  expect(status.pods[0]).toMatchObject({ name: 'web', instances: 3, running: 3, healthy: 3 });
  expect(status.suppressed).toBe(true);
  expect(c.calls.filter((call) => call.method === 'suppressOffers')).not.toHaveLength(0);

  await scheduler.scale('web', 5);
  await c.advance('2s');
  expect(
    liveTasks(c)
      .map((t) => t.instance)
      .sort(),
  ).toEqual(['web-0', 'web-1', 'web-2', 'web-3', 'web-4']);

  await scheduler.scale('web', 2);
  await c.advance('1s');
  expect(
    liveTasks(c)
      .map((t) => t.instance)
      .sort(),
  ).toEqual(['web-0', 'web-1']);
  expect(scheduler.status().pods[0].instanceList.map((i) => i.id)).toEqual(['web-0', 'web-1']);
  expect(scheduler.status().suppressed).toBe(true);
  driver.stop();
  scheduler.close();
});
