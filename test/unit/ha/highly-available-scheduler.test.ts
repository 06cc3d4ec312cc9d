import { FrameworkIdStore } from '../../../src/ha/framework-id-store';
import { HighlyAvailableScheduler } from '../../../src/ha/highly-available-scheduler';
import { encodeMessage } from '../../../src/messages';
import type { Offer } from '../../../src/messages/message-types';
import type { NativeBinding } from '../../../src/native/binding';
import { useBinding } from '../../../src/native/load';
import type { Scheduler } from '../../../src/scheduler/scheduler';
import { eventually } from '../../support/cluster';
import { StandInElection } from '../../support/stand-in-election';
import { standInBinding, type StandInSchedulerDriver } from '../../support/stand-in-binding';
import { MemoryState } from './memory-state';

const enc = (name: string, value: object): Uint8Array => encodeMessage(name, value, 'test');
const offer = (id: string, agent: string) =>
  enc('mesos.Offer', {
    id: { value: id },
    frameworkId: { value: 'f1' },
    slaveId: { value: agent },
    hostname: 'h',
  });

let binding: ReturnType<typeof standInBinding>;
beforeEach(() => {
  binding = standInBinding();
  StandInElection.last = undefined;
  useBinding({ ...binding, ZooKeeperElection: StandInElection } as unknown as NativeBinding);
});
afterEach(() => useBinding(undefined));

/** A HighlyAvailableScheduler elected and registered on the stand-ins. */
async function registered(scheduler: Scheduler, state = new MemoryState()) {
  const ha = new HighlyAvailableScheduler(scheduler, {
    zk: 'zk://127.0.0.1:2181/unit-ha',
    framework: { user: 'u', name: 'ha', failoverTimeout: 60 },
    master: '127.0.0.1:5050',
    sessionTimeout: 60_000,
    frameworkIdStore: new FrameworkIdStore(state),
    reconcileQuietPeriod: 100,
  });
  const rounds: number[] = [];
  ha.on('reconciled', () => rounds.push(Date.now()));
  const running = ha.run();
  await eventually('the native election', () => !!StandInElection.last?.calls.length, 5_000);
  StandInElection.last!.elect();
  await eventually('the driver', () => binding.schedulers.length === 1, 5_000);
  const native: StandInSchedulerDriver = binding.schedulers[0];
  await native.fire(
    'registered',
    enc('mesos.FrameworkID', { value: 'f1' }),
    enc('mesos.MasterInfo', { id: 'm', ip: 1, port: 1 }),
  );
  const methods = () => native.calls.map((c) => c.method);
  return { ha, running, native, rounds, methods };
}

describe('HighlyAvailableScheduler (stand-in election and driver)', () => {
  test('a scheduler that suppressed offers in registered() gets no revive it did not make', async () => {
    const seen: Offer[] = [];
    const { ha, running, native, rounds, methods } = await registered({
      registered: (driver) => void driver.suppressOffers(),
      resourceOffers: (_driver, offers) => void seen.push(...offers),
    });
    // Offers made before the master took the SUPPRESS: held back during the round.
    await native.fire('resourceOffers', [offer('o1', 'a1')]);
    await eventually('a reconciliation round', () => rounds.length === 1, 5_000);
    expect(methods()).not.toContain('reviveOffers');
    expect(methods().filter((m) => m === 'suppressOffers')).toHaveLength(1);
    // The scheduler revives: then offers come, and reach it.
    ha.driver!.reviveOffers();
    expect(methods().filter((m) => m === 'reviveOffers')).toHaveLength(1);
    await native.fire('resourceOffers', [offer('o2', 'a1')]);
    expect(seen.map((o) => o.id.value)).toEqual(['o2']);
    await ha.stop();
    await running;
  });

  test('the first offers reach the scheduler after one quiet reconciliation, revived once', async () => {
    const seen: Offer[] = [];
    const { ha, running, native, rounds, methods } = await registered({
      resourceOffers: (_driver, offers) => void seen.push(...offers),
    });
    await native.fire('resourceOffers', [offer('o1', 'a1')]);
    await eventually('a reconciliation round', () => rounds.length === 1, 5_000);
    expect(methods().filter((m) => m === 'reviveOffers')).toHaveLength(1);
    // The revived offers of the agent that offered during the round: usable now.
    await native.fire('resourceOffers', [offer('o2', 'a1')]);
    expect(seen.map((o) => o.id.value)).toEqual(['o2']);
    await ha.stop();
    await running;
  });

  test('leadership lost while the framework id is saved: no reconciliation, no registered()', async () => {
    const state = new MemoryState();
    // Another contender becomes the leader while the id is being stored.
    state.before = (operation) => {
      if (operation === 'store') StandInElection.last!.dispatch('leader', 2, '{"info":"other"}');
    };
    const seen: string[] = [];
    const { ha, running, methods } = await registered(
      { registered: () => void seen.push('registered') },
      state,
    );
    await eventually('the id stored', () => state.entries.size === 1, 5_000);
    await new Promise((resolve) => setImmediate(resolve));
    expect(ha.election.leadership).toBeUndefined();
    expect(methods()).not.toContain('reconcileTasks');
    expect(seen).toEqual([]);
    await ha.stop();
    await running;
  });
});
