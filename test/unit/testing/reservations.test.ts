import {
  createVolume,
  destroyVolume,
  launch,
  persistentVolume,
  reserve,
  scalar,
  takeResources,
  taskInfo,
  unreserve,
  volumeDisk,
  withReservation,
  type Input,
  type Offer,
  type Offer_Operation,
  type ResourceLike,
  type Scheduler,
  type SchedulerDriver,
} from 'mesos-napi';
import { SimulatedCluster } from 'mesos-napi/testing';

const framework = {
  user: 'tester',
  name: 'reservations',
  roles: ['db'],
  capabilities: [{ type: 'MULTI_ROLE' as const }, { type: 'RESERVATION_REFINEMENT' as const }],
};
const reservation = { role: 'db', principal: 'tester', labels: { owner: 'db-0' } };

/** A scheduler that answers each offer with what `plan` returns (decline when nothing). */
function planner(
  plan: (offer: Offer, driver: SchedulerDriver) => Input<Offer_Operation>[],
): Scheduler & { offers: Offer[] } {
  const offers: Offer[] = [];
  return {
    offers,
    resourceOffers(driver, batch) {
      for (const offer of batch) {
        offers.push(offer);
        const operations = plan(offer, driver);
        if (operations.length > 0) driver.acceptOffers([offer.id], operations);
        else driver.declineOffer(offer.id, { refuseSeconds: 0 });
      }
    },
  };
}

const reserved = (offer: Offer): ResourceLike[] =>
  offer.resources.filter((r) => (r.reservations ?? []).length > 0);
const volumes = (offer: Offer): ResourceLike[] =>
  offer.resources.filter((r) => r.disk?.persistence);

test('RESERVE, CREATE and LAUNCH in one accept; the volume and reservation come back when the task ends; DESTROY and UNRESERVE undo them', async () => {
  const cluster = new SimulatedCluster({
    agents: [{ hostname: 'a1', resources: 'cpus:2;mem:1024;disk:1000' }],
  });
  cluster.scriptTask('db-0.1', {
    steps: [{ state: 'TASK_RUNNING' }, { after: '5s', state: 'TASK_FINISHED' }],
  });
  let step = 0;
  const scheduler = planner((offer) => {
    step++;
    if (step === 1) {
      const need = takeResources(offer.resources, { cpus: 1, mem: 256, disk: 100 })!;
      const held = withReservation(need.taken, reservation);
      const disk = held.find((r) => r.name === 'disk')!;
      const volume = persistentVolume(disk, {
        id: 'db-0',
        containerPath: 'data',
        principal: 'tester',
      });
      const task = taskInfo({
        name: 'db-0',
        taskId: { value: 'db-0.1' },
        agentId: offer.slaveId,
        resources: [...held.filter((r) => r.name !== 'disk'), volume],
        command: { value: 'true' },
      });
      return [reserve(need.taken, reservation), createVolume([volume]), launch([task])];
    }
    const volume = volumes(offer);
    if (volume.length > 0) {
      const rest = reserved(offer).filter((r) => !r.disk?.persistence);
      return [destroyVolume(volume), unreserve([...rest, ...volume.map(volumeDisk)])];
    }
    return [];
  });
  const driver = cluster.schedulerDriver(scheduler, { framework });
  driver.start();
  await cluster.advance(0);
  expect(cluster.statesOf('db-0.1')).toEqual(['TASK_RUNNING']);
  // While the task runs it holds the volume and the reserved cpus and mem: none is offered.
  await cluster.advance('2s');
  for (const offer of scheduler.offers.slice(1)) {
    expect(reserved(offer)).toEqual([]);
  }
  await cluster.advance('5s');
  expect(cluster.statesOf('db-0.1')).toEqual(['TASK_RUNNING', 'TASK_FINISHED']);
  await cluster.advance('2s');
  const back = scheduler.offers.find((o) => volumes(o).length > 0)!;
  expect(back).toBeDefined();
  expect(volumes(back)).toEqual([
    expect.objectContaining({
      name: 'disk',
      scalar: { value: 100 },
      disk: expect.objectContaining({
        persistence: expect.objectContaining({ id: 'db-0' }),
        volume: expect.objectContaining({ containerPath: 'data', mode: 'RW' }),
      }),
      reservations: [expect.objectContaining({ type: 'DYNAMIC', role: 'db', principal: 'tester' })],
    }),
  ]);
  expect(
    reserved(back)
      .map((r) => r.name)
      .sort(),
  ).toEqual(['cpus', 'disk', 'mem']);
  // After DESTROY and UNRESERVE the agent offers all of its resources unreserved again.
  await cluster.advance('2s');
  const last = scheduler.offers[scheduler.offers.length - 1];
  expect(reserved(last)).toEqual([]);
  expect(last.resources).toEqual(
    expect.arrayContaining([
      expect.objectContaining({ name: 'cpus', scalar: { value: 2 } }),
      expect.objectContaining({ name: 'disk', scalar: { value: 1000 } }),
    ]),
  );
  driver.stop();
  await driver.join();
});

test('an operation the master would refuse is dropped, and the rest of the accept goes on', async () => {
  const cluster = new SimulatedCluster({
    agents: [{ hostname: 'a1', resources: 'cpus:2;mem:1024;disk:1000' }],
  });
  let step = 0;
  const scheduler = planner((offer) => {
    step++;
    if (step > 1) return [];
    const need = takeResources(offer.resources, { cpus: 1, disk: 100 })!;
    const held = withReservation(need.taken, reservation);
    const disk = held.find((r) => r.name === 'disk')!;
    const volume = persistentVolume(disk, { id: 'v', containerPath: 'data' });
    // More than offered: dropped. Then a good reservation, and a volume created twice.
    return [
      reserve([scalar('cpus', 5, { allocationInfo: { role: 'db' } })], reservation),
      reserve(need.taken, reservation),
      createVolume([volume]),
      createVolume([volume]),
    ];
  });
  const driver = cluster.schedulerDriver(scheduler, { framework });
  driver.start();
  // The accept's unused part is filtered for the default 5 s.
  await cluster.advance('7s');
  const offer = scheduler.offers[1];
  expect(
    reserved(offer)
      .map((r) => r.name)
      .sort(),
  ).toEqual(['cpus', 'disk']);
  expect(volumes(offer)).toHaveLength(1);
  expect(offer.resources).toEqual(
    expect.arrayContaining([
      expect.objectContaining({
        name: 'cpus',
        scalar: { value: 1 },
        reservations: [expect.objectContaining({ role: 'db' })],
      }),
    ]),
  );
  driver.stop();
  await driver.join();
});

test('reservations by a framework without RESERVATION_REFINEMENT: the next advance says the kit does not model them', async () => {
  const cluster = new SimulatedCluster();
  const scheduler = planner((offer) => {
    const need = takeResources(offer.resources, { cpus: 1 })!;
    return [
      { type: 'RESERVE', reserve: { resources: need.taken.map((r) => ({ ...r, role: 'db' })) } },
    ];
  });
  const driver = cluster.schedulerDriver(scheduler, {
    framework: { user: 'tester', name: 'old style', role: 'db' },
  });
  driver.start();
  await expect(cluster.advance(0)).rejects.toThrow(
    'the simulated cluster does not model RESERVE operations of frameworks without RESERVATION_REFINEMENT',
  );
  driver.stop();
  await driver.join();
});
