import { InvalidArgumentError, type Offer } from 'mesos-napi';
import { SimulatedCluster } from 'mesos-napi/testing';

function holder(cluster: SimulatedCluster, framework: object) {
  const offers: Offer[] = [];
  const rescinded: string[] = [];
  const driver = cluster.schedulerDriver(
    {
      resourceOffers(_d, batch) {
        offers.push(...batch);
      },
      offerRescinded(_d, id) {
        rescinded.push(id.value);
      },
    },
    { framework: { user: 'tester', name: 'roles', ...framework } },
  );
  driver.start();
  return { driver, offers, rescinded };
}

test('a multi-role framework gets one offer per role; reserved resources go to their role only', async () => {
  const cluster = new SimulatedCluster({
    agents: [{ resources: 'cpus:2;mem:512;cpus(web):1;mem(web):256' }],
  });
  const { driver, offers } = holder(cluster, {
    roles: ['web', 'batch'],
    capabilities: [{ type: 'MULTI_ROLE' }],
  });
  await cluster.advance(0);
  // With MULTI_ROLE, resources keep the offer's allocationInfo.
  for (const o of offers) {
    expect(o.resources.map((r) => r.allocationInfo)).toEqual(
      o.resources.map(() => o.allocationInfo),
    );
  }
  const byRole = Object.fromEntries(
    offers.map((o) => [
      o.allocationInfo?.role,
      o.resources.map((r) => [r.name, r.role ?? '*', r.scalar?.value]),
    ]),
  );
  // Offered to 'web' first (roles in order): everything it may have, its reservation included.
  expect(byRole).toEqual({
    web: [
      ['cpus', '*', 2],
      ['mem', '*', 512],
      ['cpus', 'web', 1],
      ['mem', 'web', 256],
    ],
  });
  driver.stop();
  await driver.join();
});

test('suppressing one role of a multi-role framework leaves the others offered', async () => {
  const cluster = new SimulatedCluster({
    agents: [{ resources: 'cpus:2;mem:512;cpus(batch):1;mem(batch):256' }],
  });
  const { driver, offers } = holder(cluster, {
    roles: ['web', 'batch'],
    capabilities: [{ type: 'MULTI_ROLE' }],
  });
  driver.suppressOffers(['web']);
  await cluster.advance(0);
  expect(offers.map((o) => o.allocationInfo?.role)).toEqual(['batch']);
  driver.stop();
  await driver.join();
});

test('offerTimeout rescinds offers held too long', async () => {
  const cluster = new SimulatedCluster({ offerTimeout: '10s' });
  const { driver, offers, rescinded } = holder(cluster, {});
  await cluster.advance('9s');
  expect(rescinded).toEqual([]);
  await cluster.advance('1s');
  expect(rescinded).toEqual([offers[0].id.value]);
  driver.stop();
  await driver.join();
});

test('bad options and durations are InvalidArgumentErrors naming them; the driver checks its input as ever', async () => {
  expect(() => new SimulatedCluster({ allocationInterval: 'soon' })).toThrow(InvalidArgumentError);
  expect(() => new SimulatedCluster({ allocationInterval: 'soon' })).toThrow(
    /options.allocationInterval/,
  );
  expect(() => new SimulatedCluster({ agents: [{ resources: 'cpus=4' }] })).toThrow(
    /options.agents\[0\].resources/,
  );
  const cluster = new SimulatedCluster();
  await expect(cluster.advance(-1)).rejects.toThrow(/duration/);
  const { driver } = holder(cluster, {});
  expect(() => driver.declineOffer({ value: 1 } as never)).toThrow(/offerId.value/);
  expect(() => driver.reviveOffers(['a', 1] as never)).toThrow(InvalidArgumentError);
  driver.stop();
  await driver.join();
});
