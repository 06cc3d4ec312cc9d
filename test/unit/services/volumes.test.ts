import { InvalidArgumentError, type ResourceLike } from 'mesos-napi';
import { parseServiceDefinition } from 'mesos-napi/services';
import { failsAtOnce, runsFor } from 'mesos-napi/testing';
import { agents, cluster, liveTasks, pod, runService, service } from './harness';

const residentFramework = {
  roles: ['db'],
  capabilities: [{ type: 'MULTI_ROLE' as const }, { type: 'RESERVATION_REFINEMENT' as const }],
};
const db = (instances: number, fields = {}) =>
  pod('db', instances, {
    resources: { cpus: 1, mem: 256, disk: 10, role: 'db' },
    volumes: [{ containerPath: 'data', sizeMB: 100 }],
    restart: { backoffSeconds: 1 },
    ...fields,
  });

const volumesOf = (resources: ResourceLike[]) => resources.filter((r) => r.disk?.persistence);

test('a resident instance reserves and creates its volume on its first launch, and is launched again on that agent with that volume', async () => {
  const c = cluster({ agents: agents(3) });
  let launches = 0;
  c.onLaunch((task, agent) =>
    ++launches === 1 ? runsFor('10s', 'TASK_FAILED')(task, agent) : failsAtOnce()(task, agent),
  );
  const { scheduler, driver } = runService(
    c,
    service(db(1, { restart: { backoffSeconds: 1, maxLaunchDelaySeconds: 1 } })),
    {
      framework: residentFramework,
      principal: 'ops',
    },
  );
  await c.advance('30s');
  const first = c.calls.find((call) => call.method === 'acceptOffers')!;
  const [, operations] = first.args as [unknown, { type: string }[]];
  expect(operations.map((o) => o.type)).toEqual(['RESERVE', 'CREATE', 'LAUNCH']);
  const launched = c.launched.map((l) => l.task);
  expect(launched.length).toBeGreaterThanOrEqual(4);
  const agentsUsed = new Set(launched.map((t) => t.slaveId.value));
  expect(agentsUsed.size).toBe(1);
  for (const task of launched) {
    expect(volumesOf(task.resources)).toEqual([
      expect.objectContaining({
        scalar: { value: 100 },
        disk: expect.objectContaining({
          persistence: expect.objectContaining({ id: 'shop.db-0.0', principal: 'ops' }),
          volume: expect.objectContaining({ containerPath: 'data' }),
        }),
        reservations: [
          expect.objectContaining({
            type: 'DYNAMIC',
            role: 'db',
            principal: 'ops',
            labels: { labels: [{ key: 'mesos-napi.reservation', value: 'shop.db-0' }] },
          }),
        ],
      }),
    ]);
  }
  // Only the first launch reserved and created anything.
  const accepts = c.calls.filter((call) => call.method === 'acceptOffers');
  const later = accepts
    .slice(1)
    .flatMap((call) => (call.args[1] as { type: string }[]).map((o) => o.type));
  expect(later.every((type) => type === 'LAUNCH')).toBe(true);
  const instance = scheduler.status().pods[0].instanceList[0];
  expect(instance.residentOn).toBe([...agentsUsed][0]);
  driver.stop();
  await driver.join();
  scheduler.close();
});

test('scaled to 0, the instance is removed and its volume destroyed and its resources unreserved', async () => {
  const c = cluster({ agents: agents(1) });
  const { scheduler, driver } = runService(c, service(db(1)), { framework: residentFramework });
  await c.advance('5s');
  expect(liveTasks(c)).toHaveLength(1);
  await scheduler.scale('db', 0);
  await c.advance('10s');
  expect(liveTasks(c)).toEqual([]);
  const released = c.calls
    .filter((call) => call.method === 'acceptOffers')
    .flatMap((call) => (call.args[1] as { type: string }[]).map((o) => o.type));
  expect(released).toEqual(expect.arrayContaining(['DESTROY', 'UNRESERVE']));
  expect(scheduler.status().pods[0].instanceList).toEqual([]);
  // The agent's resources are all unreserved again: what a new framework would be offered.
  const offered = c.events
    .filter((e) => e.event === 'resourceOffers')
    .flatMap((e) => (e.args[0] as { resources: ResourceLike[] }[]).flatMap((o) => o.resources));
  expect(offered.length).toBeGreaterThan(0);
  driver.stop();
  await driver.join();
  scheduler.close();
  const after = c.schedulerDriver(
    { resourceOffers: (d, offers) => offers.forEach((o) => d.declineOffer(o.id)) },
    { framework: { user: 'other', name: 'other', ...residentFramework } },
  );
  after.start();
  await c.advance('2s');
  const last = c.events.filter((e) => e.event === 'resourceOffers').at(-1)!;
  const resources = (last.args[0] as { resources: ResourceLike[] }[])[0].resources;
  expect(resources.filter((r) => (r.reservations ?? []).length > 0)).toEqual([]);
  after.stop();
  await after.join();
});

test('a framework that is not MULTI_ROLE: the instance waits and says why', async () => {
  const c = cluster({ agents: agents(1) });
  const { scheduler, driver } = runService(c, service(db(1)));
  await c.advance('5s');
  expect(liveTasks(c)).toEqual([]);
  expect(scheduler.status().pods[0].instanceList[0].waitingFor).toMatch(
    /MULTI_ROLE and RESERVATION_REFINEMENT capabilities and 'db' among its roles/,
  );
  driver.stop();
  await driver.join();
  scheduler.close();
});

test("an update that changes a resident pod's task is refused, naming the pod; its instance count may change", async () => {
  const c = cluster({ agents: agents(2) });
  const { scheduler, driver } = runService(c, service(db(1)), { framework: residentFramework });
  await c.advance('5s');
  await expect(scheduler.update(service(db(1, { command: 'sleep 2000' })))).rejects.toThrow(
    new InvalidArgumentError(
      'pods[0]',
      "pod 'db' has persistent volumes: only its instances, restart, constraints and upgrade may change (new instances would not have its instances' data)",
    ),
  );
  await scheduler.update(service(db(2)));
  await c.advance('5s');
  expect(liveTasks(c)).toHaveLength(2);
  driver.stop();
  await driver.join();
  scheduler.close();
});

test.each([
  [
    { volumes: [{ containerPath: 'data', sizeMB: 1 }], resources: { cpus: 1, mem: 1 } },
    'pods[0].volumes',
    'give the pod resources.role',
  ],
  [
    { volumes: [{ containerPath: '/data', sizeMB: 1 }] },
    'pods[0].volumes[0].containerPath',
    'must be relative',
  ],
  [
    { volumes: [{ containerPath: 'a/../b', sizeMB: 1 }] },
    'pods[0].volumes[0].containerPath',
    "without '..'",
  ],
  [{ volumes: [{ containerPath: 'd', sizeMB: 0 }] }, 'pods[0].volumes[0].sizeMB', ''],
  [
    {
      volumes: [
        { containerPath: 'd', sizeMB: 1 },
        { containerPath: 'd', sizeMB: 2 },
      ],
    },
    'pods[0].volumes[1].containerPath',
    'the path of another volume',
  ],
  [{ volumes: [{ containerPath: 'd', size: 1 }] }, 'pods[0].volumes[0].size', 'unknown'],
])('volumes %j: refused, naming %s', (fields, argument, words) => {
  const definition = {
    name: 's',
    pods: [
      {
        name: 'p',
        instances: 1,
        resources: { cpus: 1, mem: 1, role: 'db' },
        command: 'x',
        ...fields,
      },
    ],
  };
  let error: unknown;
  try {
    parseServiceDefinition(definition);
  } catch (caught) {
    error = caught;
  }
  expect(error).toBeInstanceOf(InvalidArgumentError);
  expect((error as InvalidArgumentError).argument).toBe(argument);
  expect((error as Error).message).toContain(words);
});

test('a MULTI_ROLE framework without RESERVATION_REFINEMENT: the instance waits and says why', async () => {
  const c = cluster({ agents: agents(1) });
  const { scheduler, driver } = runService(c, service(db(1)), {
    framework: { roles: ['db'], capabilities: [{ type: 'MULTI_ROLE' }] },
  });
  await c.advance('5s');
  expect(liveTasks(c)).toEqual([]);
  expect(scheduler.status().pods[0].instanceList[0].waitingFor).toMatch(
    /pre-refinement format .* needs a framework with the RESERVATION_REFINEMENT capability/,
  );
  driver.stop();
  await driver.join();
  scheduler.close();
});
