import { LeaderElectionError } from '../../../src/errors';
import { LeaderElection } from '../../../src/ha/leader-election';
import type { NativeBinding } from '../../../src/native/binding';
import { useBinding } from '../../../src/native/load';
import { StandInElection } from '../../support/stand-in-election';

// LeaderElection's logic against a stand-in for the native election (test/support's): the
// test plays libmesos's part, firing the events its group, contender and detector would.

const flush = () => new Promise((resolve) => setImmediate(resolve));
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const ZK = 'zk://127.0.0.1:2181/unit';

async function elected(election: LeaderElection) {
  const contending = election.contend();
  await sleep(20); // the server name resolves, then the native election is made
  const native = StandInElection.last!;
  native.dispatch('contended', native.generation);
  native.dispatch('leader', 1, native.data);
  native.dispatch('checked', native.lastCheck, 1, native.data);
  const leadership = await contending;
  return { native, leadership };
}

describe('LeaderElection (stand-in native election)', () => {
  beforeAll(() => useBinding({ ZooKeeperElection: StandInElection } as unknown as NativeBinding));
  afterAll(() => useBinding(undefined));

  test('elected only once ZooKeeper confirms the membership; leader info is parsed', async () => {
    const election = new LeaderElection({ zk: ZK, sessionTimeout: 1000, info: 'me' });
    const seen: unknown[] = [];
    election.on('leader', (leader) => seen.push(leader));
    let resolved = false;
    const contending = election.contend().then((l) => ((resolved = true), l));
    await sleep(20);
    const native = StandInElection.last!;
    native.dispatch('leader', 1, native.data);
    await flush();
    expect(resolved).toBe(false);
    expect(native.calls.map((c) => c[0])).toEqual(['contend', 'check']);
    native.dispatch('checked', native.lastCheck, 1, native.data);
    const leadership = await contending;
    expect(leadership.isCurrent()).toBe(true);
    expect(seen).toEqual([{ info: 'me', membershipId: 1, self: true }]);
    await election.close();
    expect(leadership.isCurrent()).toBe(false);
    expect(await leadership.lost).toMatchObject({ reason: 'withdrawn' });
    expect(native.closed).toBe(true);
  });

  test('no confirmation within 2/3 of the session timeout: lease-expired, and it withdraws', async () => {
    const election = new LeaderElection({ zk: ZK, sessionTimeout: 3000 });
    const { native, leadership } = await elected(election);
    await sleep(1000);
    expect(leadership.isCurrent()).toBe(true);
    // Renewal checks were asked for but never answered.
    expect(native.calls.filter((c) => c[0] === 'check').length).toBeGreaterThan(1);
    await sleep(1200);
    expect(leadership.isCurrent()).toBe(false);
    expect(await leadership.lost).toMatchObject({ reason: 'lease-expired' });
    expect(native.calls).toContainEqual(['withdraw', native.generation]);
    await election.close();
  });

  test('answered renewals keep it leader past the first lease', async () => {
    const election = new LeaderElection({ zk: ZK, sessionTimeout: 1000 });
    const { native, leadership } = await elected(election);
    const answer = setInterval(() => {
      native.dispatch('checked', native.lastCheck, 1, native.data);
    }, 50);
    await sleep(1500);
    clearInterval(answer);
    expect(leadership.isCurrent()).toBe(true);
    await election.close();
  });

  test('another leader detected, or the membership gone: replaced / expired', async () => {
    const election = new LeaderElection({ zk: ZK, sessionTimeout: 1000 });
    const first = await elected(election);
    first.native.dispatch('leader', 7, JSON.stringify({ info: 'other', candidacy: 'x' }));
    expect(await first.leadership.lost).toMatchObject({ reason: 'replaced' });
    expect(election.leader).toEqual({ info: 'other', membershipId: 7, self: false });

    const second = await elected(election);
    expect(second.leadership.term).toBeGreaterThan(first.leadership.term);
    second.native.dispatch('candidacyLost', second.native.generation, '');
    expect(await second.leadership.lost).toMatchObject({ reason: 'expired' });
    await election.close();
  });

  test('a candidacy lost while standing by contends again by itself; stale events are ignored', async () => {
    const election = new LeaderElection({ zk: ZK, sessionTimeout: 1000 });
    const contending = election.contend();
    await sleep(20);
    const native = StandInElection.last!;
    const before = native.generation;
    native.dispatch('candidacyLost', before, '');
    expect(native.generation).toBe(before + 1);
    native.dispatch('candidacyLost', before, ''); // stale: nothing happens
    expect(native.generation).toBe(before + 1);
    native.dispatch('leader', 1, native.data);
    native.dispatch('checked', native.lastCheck, 1, native.data);
    expect((await contending).term).toBe(before + 1);
    await election.close();
  });

  test('withdraw() or close() while contending rejects contend(); the group failing rejects it too', async () => {
    const election = new LeaderElection({ zk: ZK, sessionTimeout: 1000 });
    const first = election.contend();
    await sleep(20);
    await election.withdraw();
    await expect(first).rejects.toThrow(LeaderElectionError);

    const second = election.contend();
    await sleep(20);
    StandInElection.last!.dispatch('detectFailed', 'auth failed');
    await expect(second).rejects.toThrow('the ZooKeeper group failed: auth failed');
    await expect(election.contend()).rejects.toThrow('auth failed');
    await election.close();
    await expect(election.contend()).rejects.toThrow('the election is closed');
  });
});
