import * as fs from 'fs';
import * as path from 'path';
import {
  commandInfo,
  createVolume,
  destroyVolume,
  filters,
  launch,
  persistentVolume,
  reserve,
  scalarTotal,
  takeResources,
  taskInfo,
  unreserve,
  withReservation,
  type ResourceLike,
} from '../../src/helpers';
import type { FrameworkInfo, Input, Offer } from '../../src/messages';
import { MesosSchedulerDriver } from '../../src/scheduler/scheduler-driver';
import { describeWithMesos } from '../support/mesos';
import { eventually, useLocalCluster } from '../support/cluster';
import { OfferTaker } from '../support/offer-taker';
import { Recorder } from '../support/recorder';

const PRINCIPAL = 'ops';

function framework(role: string): Input<FrameworkInfo> {
  return {
    user: '',
    name: 'reservations test',
    principal: PRINCIPAL,
    roles: [role],
    capabilities: [{ type: 'MULTI_ROLE' }, { type: 'RESERVATION_REFINEMENT' }],
  };
}

/** The offer's resources whose newest reservation is a dynamic one for role. */
function reservedFor(offer: Offer, role: string): ResourceLike[] {
  return offer.resources.filter((r) => {
    const newest = r.reservations[r.reservations.length - 1];
    return newest?.type === 'DYNAMIC' && newest.role === role;
  });
}

const unreserved = (offer: Offer): ResourceLike[] =>
  offer.resources.filter((r) => r.reservations.length === 0);

async function startFramework(master: string, role: string) {
  const recorder = new Recorder();
  const offers = new OfferTaker(recorder);
  const driver = new MesosSchedulerDriver(recorder, { framework: framework(role), master });
  driver.start();
  await recorder.until('registration', () => recorder.frameworkId !== undefined);
  return { recorder, offers, driver };
}

// After Mesos's reservation_tests.cpp and persistent_volume_tests.cpp, through the framework
// API (acceptOffers) in the reservation refinement format.
describeWithMesos('dynamic reservations and persistent volumes', () => {
  const cluster = useLocalCluster({ masterFlags: ['--allocation_interval=100ms'] });

  test('RESERVE: the next offer carries the reservation; UNRESERVE gives it back', async () => {
    const { offers, driver } = await startFramework(cluster().master, 'role1');
    const first = await offers.take('an offer to role1');
    expect(first.allocationInfo?.role).toBe('role1');
    const need = takeResources(unreserved(first), { cpus: 1, mem: 512 })!;
    driver.acceptOffers(
      [first.id],
      [reserve(need.taken, { role: 'role1', principal: PRINCIPAL, labels: { by: 'test' } })],
      filters(0.1),
    );

    const reservedOffer = await offers.take(
      'an offer with the reservation',
      (o) => reservedFor(o, 'role1').length > 0,
    );
    const reserved = reservedFor(reservedOffer, 'role1');
    expect(scalarTotal(reserved, 'cpus')).toBe(1);
    expect(scalarTotal(reserved, 'mem')).toBe(512);
    for (const resource of reserved) {
      expect(resource.allocationInfo).toEqual({ role: 'role1' });
      expect(resource.reservations).toEqual([
        {
          type: 'DYNAMIC',
          role: 'role1',
          principal: PRINCIPAL,
          labels: { labels: [{ key: 'by', value: 'test' }] },
        },
      ]);
    }

    driver.acceptOffers([reservedOffer.id], [unreserve(reserved)], filters(0.1));
    const after = await offers.take(
      'an offer with everything unreserved again',
      (o) => scalarTotal(unreserved(o), 'cpus') === 4,
    );
    expect(after.resources.filter((r) => r.reservations.length > 0)).toEqual([]);
    driver.declineOffer(after.id, filters(0.1));
    driver.stop();
    await driver.join();
  }, 60_000);

  test('CREATE: a task writes to a persistent volume, a later task reads it; DESTROY and UNRESERVE give the disk back', async () => {
    const { recorder, offers, driver } = await startFramework(cluster().master, 'role1');
    const reservation = { role: 'role1', principal: PRINCIPAL };
    const volumeDir = path.join(cluster().workDir, 'agent', 'volumes', 'roles', 'role1', 'vol-1');

    const first = await offers.take(
      'an unreserved offer',
      (o) => reservedFor(o, 'role1').length === 0,
    );
    const disk = takeResources(unreserved(first), { disk: 64 })!;
    const volume = persistentVolume(withReservation(disk.taken, reservation)[0], {
      id: 'vol-1',
      containerPath: 'data',
      principal: PRINCIPAL,
    });
    const writer = taskInfo({
      name: 'writer',
      taskId: { value: 'writer' },
      agentId: first.slaveId,
      resources: [...takeResources(disk.remaining, { cpus: 0.1, mem: 32 })!.taken, volume],
      command: commandInfo('echo written-by-writer > data/note'),
    });
    driver.acceptOffers(
      [first.id],
      [reserve(disk.taken, reservation), createVolume([volume]), launch([writer])],
      filters(0.1),
    );
    await recorder.until('the writer to end', () =>
      recorder.statesOf('writer').includes('TASK_FINISHED'),
    );
    expect(fs.readFileSync(path.join(volumeDir, 'note'), 'utf8')).toBe('written-by-writer\n');

    const hasVolume = (o: Offer) => o.resources.some((r) => r.disk?.persistence?.id === 'vol-1');
    const second = await offers.take('an offer with the volume', hasVolume);
    const offeredVolume = second.resources.find((r) => r.disk?.persistence?.id === 'vol-1')!;
    expect(offeredVolume).toMatchObject({
      name: 'disk',
      scalar: { value: 64 },
      reservations: [{ type: 'DYNAMIC', role: 'role1', principal: PRINCIPAL }],
      disk: {
        persistence: { id: 'vol-1', principal: PRINCIPAL },
        volume: { mode: 'RW', containerPath: 'data' },
      },
    });
    const reader = taskInfo({
      name: 'reader',
      taskId: { value: 'reader' },
      agentId: second.slaveId,
      resources: [
        ...takeResources(unreserved(second), { cpus: 0.1, mem: 32 })!.taken,
        offeredVolume,
      ],
      command: commandInfo('test "$(cat data/note)" = written-by-writer'),
    });
    driver.acceptOffers([second.id], [launch([reader])], filters(0.1));
    await recorder.until('the reader to end', () =>
      recorder.statesOf('reader').some((s) => s !== 'TASK_STARTING' && s !== 'TASK_RUNNING'),
    );
    expect(recorder.statesOf('reader')).toContain('TASK_FINISHED');

    const third = await offers.take('the volume offered again', hasVolume);
    const again = third.resources.find((r) => r.disk?.persistence?.id === 'vol-1')!;
    const { disk: _volumeInfo, ...reservedDisk } = again;
    driver.acceptOffers(
      [third.id],
      [destroyVolume([again]), unreserve([reservedDisk])],
      filters(0.1),
    );
    const last = await offers.take(
      'an offer with all the disk unreserved',
      (o) => scalarTotal(unreserved(o), 'disk') === 8192,
    );
    expect(last.resources.filter((r) => r.reservations.length > 0 || r.disk)).toEqual([]);
    // The agent removes the volume's directory as it applies DESTROY, not before the offer.
    await eventually('the volume directory removed', () => !fs.existsSync(volumeDir));
    driver.declineOffer(last.id, filters(0.1));
    driver.stop();
    await driver.join();
  }, 90_000);
});

describeWithMesos('reservation refinement', () => {
  const cluster = useLocalCluster({
    masterFlags: ['--allocation_interval=100ms'],
    resources: 'cpus:2;mem:1024;disk:1024;cpus(eng):1;mem(eng):256',
  });

  test('a reservation for a role is refined for its subrole, and unreserving refines it back', async () => {
    const { offers, driver } = await startFramework(cluster().master, 'eng/web');
    const staticEng = [{ type: 'STATIC', role: 'eng' }];
    const first = await offers.take('an offer with eng’s static reservation', (o) =>
      o.resources.some((r) => r.name === 'cpus' && r.reservations.length === 1),
    );
    const engCpus = first.resources.filter((r) => r.name === 'cpus' && r.reservations.length === 1);
    expect(engCpus).toEqual([
      expect.objectContaining({ reservations: staticEng, allocationInfo: { role: 'eng/web' } }),
    ]);
    driver.acceptOffers(
      [first.id],
      [reserve(engCpus, { role: 'eng/web', principal: PRINCIPAL })],
      filters(0.1),
    );

    const refined = await offers.take('an offer with the refined reservation', (o) =>
      o.resources.some((r) => r.reservations.length === 2),
    );
    const stacked = refined.resources.filter((r) => r.reservations.length === 2);
    expect(stacked).toEqual([
      expect.objectContaining({
        name: 'cpus',
        scalar: { value: 1 },
        reservations: [...staticEng, { type: 'DYNAMIC', role: 'eng/web', principal: PRINCIPAL }],
      }),
    ]);
    expect(() =>
      unreserve(refined.resources.filter((r) => r.name === 'mem' && r.reservations.length === 1)),
    ).toThrow(/not dynamically reserved/);

    driver.acceptOffers([refined.id], [unreserve(stacked)], filters(0.1));
    const back = await offers.take('an offer with eng’s reservation alone', (o) =>
      o.resources.some((r) => r.name === 'cpus' && r.reservations.length === 1),
    );
    expect(back.resources.filter((r) => r.reservations.length === 2)).toEqual([]);
    driver.declineOffer(back.id, filters(0.1));
    driver.stop();
    await driver.join();
  }, 60_000);
});
