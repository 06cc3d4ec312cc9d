import { InvalidArgumentError } from 'mesos-napi';
import { filters, scalar, taskInfo, type Offer, type Scheduler } from 'mesos-napi';
import { SimulatedCluster } from 'mesos-napi/testing';

const framework = { user: 'tester', name: 'kit test' };

function decliner(refuseSeconds?: number): Scheduler & { offers: Offer[] } {
  const offers: Offer[] = [];
  return {
    offers,
    resourceOffers(driver, batch) {
      offers.push(...batch);
      for (const offer of batch) {
        driver.declineOffer(
          offer.id,
          refuseSeconds === undefined ? undefined : filters(refuseSeconds),
        );
      }
    },
  };
}

test('registers, then offers the agent’s free resources with its attributes and the role', async () => {
  const cluster = new SimulatedCluster({
    agents: [
      {
        hostname: 'a1',
        resources: 'cpus:2;mem:1024;ports:[31000-31009]',
        attributes: { rack: 'r1', zone: 3 },
      },
    ],
  });
  const scheduler = decliner();
  const driver = cluster.schedulerDriver(scheduler, { framework });
  driver.start();
  await cluster.advance(0);
  expect(cluster.events.map((e) => e.event)).toEqual(['registered', 'resourceOffers']);
  const [offer] = scheduler.offers;
  expect(offer.hostname).toBe('a1');
  // Without MULTI_ROLE, as the master does (MESOS-8237): no allocationInfo, role '*'.
  expect(offer.allocationInfo).toBeUndefined();
  expect(offer.resources.map((r) => r.name)).toEqual(['cpus', 'mem', 'ports']);
  expect(offer.resources.map((r) => [r.allocationInfo, r.role])).toEqual([
    [undefined, '*'],
    [undefined, '*'],
    [undefined, '*'],
  ]);
  expect(offer.attributes).toEqual([
    { name: 'rack', type: 'TEXT', text: { value: 'r1' } },
    { name: 'zone', type: 'SCALAR', scalar: { value: 3 } },
  ]);
  expect(cluster.declined).toEqual([
    expect.objectContaining({ offerId: offer.id.value, refuseSeconds: 5 }),
  ]);
  driver.stop();
  await driver.join();
});

test('a decline keeps the resources away for refuseSeconds (default 5 s), at least one allocation', async () => {
  const cluster = new SimulatedCluster();
  const scheduler = decliner();
  const driver = cluster.schedulerDriver(scheduler, { framework });
  driver.start();
  await cluster.advance('30s');
  // Offered at 0, declined for 5 s: filtered at 5 (inclusive), offered again at 6, 12, …
  expect(cluster.events.filter((e) => e.event === 'resourceOffers').map((e) => e.at)).toEqual([
    0, 6000, 12000, 18000, 24000, 30000,
  ]);
  driver.stop();
  await driver.join();
});

test('refuseSeconds 0 is no filter; suppress stops offers; revive clears filters and offers at once', async () => {
  const cluster = new SimulatedCluster();
  let refuse = 0;
  const offersAt: number[] = [];
  const driver = cluster.schedulerDriver(
    {
      resourceOffers(d, offers) {
        offersAt.push(cluster.now);
        for (const offer of offers) d.declineOffer(offer.id, filters(refuse));
      },
    },
    { framework },
  );
  driver.start();
  await cluster.advance('3s');
  expect(offersAt).toEqual([0, 1000, 2000, 3000]);
  refuse = 3600;
  await cluster.advance('1s');
  await cluster.advance('100s');
  expect(offersAt).toEqual([0, 1000, 2000, 3000, 4000]);
  driver.reviveOffers();
  await cluster.advance(0);
  expect(offersAt.at(-1)).toBe(104000);
  driver.suppressOffers();
  driver.reviveOffers();
  driver.suppressOffers();
  await cluster.advance('10m');
  expect(offersAt.at(-1)).toBe(104000);
  driver.stop();
  await driver.join();
});

test('launch uses part of an offer; the rest comes back after the filter', async () => {
  const cluster = new SimulatedCluster({ agents: [{ resources: 'cpus:4;mem:4096' }] });
  const offers: Offer[][] = [];
  const driver = cluster.schedulerDriver(
    {
      resourceOffers(d, batch) {
        offers.push(batch);
        for (const offer of batch) {
          if (offers.length > 1) d.declineOffer(offer.id, filters(3600));
          else
            d.launchTasks(
              offer.id,
              [
                taskInfo({
                  name: 't',
                  taskId: { value: 't1' },
                  agentId: offer.slaveId,
                  resources: [scalar('cpus', 1), scalar('mem', 1000)],
                  command: { value: 'true' },
                }),
              ],
              filters(1),
            );
        }
      },
    },
    { framework },
  );
  driver.start();
  await cluster.advance('3s');
  expect(cluster.statesOf('t1')).toEqual(['TASK_STARTING', 'TASK_RUNNING']);
  expect(offers.length).toBe(2);
  expect(offers[1][0].resources).toEqual([
    expect.objectContaining({ name: 'cpus', scalar: { value: 3 } }),
    expect.objectContaining({ name: 'mem', scalar: { value: 3096 } }),
  ]);
  driver.stop();
  await driver.join();
});

test('agent resources given as resources are checked at once, naming the agent', () => {
  const bad = { name: 'cpus', type: 'SCALAR' as const, scalar: { value: NaN } };
  expect(() => new SimulatedCluster({ agents: [{}, { resources: [bad] }] })).toThrow(
    new InvalidArgumentError(
      'options.agents[1].resources[0].scalar.value',
      'expected a finite amount ≥ 0, got NaN',
    ),
  );
  const cluster = new SimulatedCluster({ agents: [] });
  expect(() =>
    cluster.addAgent({ resources: [{ ...bad, name: '', scalar: { value: 1 } }] }),
  ).toThrow(new InvalidArgumentError('spec.resources[0].name', 'expected a resource name'));
  expect(() => cluster.addAgent({ resources: 'cpus:1' as never })).not.toThrow();
});

test('a scripted task whose step has no known state is refused when scripted', () => {
  const cluster = new SimulatedCluster();
  expect(() =>
    cluster.scriptTask('t', { steps: [{ state: 'TASK_RUNNING' }, { state: 'RUNNING' as never }] }),
  ).toThrow(
    new InvalidArgumentError(
      'script.steps[1].state',
      'expected a TaskState (TASK_RUNNING, TASK_FINISHED, …), got "RUNNING"',
    ),
  );
});
