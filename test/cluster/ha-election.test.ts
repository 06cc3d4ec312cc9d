import { Contenders, msBetween } from '../support/contenders';
import { describeWithMesos } from '../support/mesos';
import { startZooKeeper, withZooKeeper, type ZooKeeper } from '../support/zookeeper';

// Leader election over libmesos's ZooKeeper group and contender, among contenders in child
// processes (test/native/fixtures/ha/contender.js). Each leader acts every 20 ms, each act
// right after isCurrent() said yes; the test checks that no two contenders' acting terms
// ever overlap in time.
const SESSION_TIMEOUT = 2000;

describeWithMesos('leader election (ZooKeeper)', () => {
  const { missing, test: testWithZooKeeper } = withZooKeeper('leader election (ZooKeeper)');

  let zookeeper: ZooKeeper;
  let contenders: Contenders;
  let group = 0;
  beforeAll(async () => {
    if (!missing) zookeeper = await startZooKeeper({ tickTime: 200 });
  });
  afterAll(async () => {
    await zookeeper?.stop();
  });
  beforeEach(() => {
    if (!missing)
      contenders = Contenders.election(zookeeper.url(`/election-${++group}`), SESSION_TIMEOUT);
  });
  afterEach(async () => {
    await contenders?.stop();
  });

  testWithZooKeeper(
    'two contenders: exactly one leads; SIGKILL of the leader hands over within the session timeout',
    async () => {
      contenders.start('a');
      contenders.start('b');
      await contenders.until('both to see the leader', () =>
        ['a', 'b'].every((name) => contenders.events(name, 'leader').length > 0),
      );
      const first = await contenders.leader();
      await new Promise((resolve) => setTimeout(resolve, 1000));
      expect(contenders.lines.filter((line) => line.event === 'elected')).toHaveLength(1);
      const other = first === 'a' ? 'b' : 'a';
      const killedAt = process.hrtime.bigint();
      contenders.kill(first, 'SIGKILL');
      await contenders.exited(first);
      const second = await contenders.leader(20_000, first);
      expect(second).toBe(other);
      const firstAct = contenders.events(other, 'act')[0];
      const takeover = msBetween(killedAt, firstAct.t);
      process.stdout.write(
        `SIGKILL of the leader → the other acting: ${Math.round(takeover)} ms\n`,
      );
      // The server expires the killed session after the session timeout, then the other
      // contender's detector sees it.
      expect(takeover).toBeGreaterThan(SESSION_TIMEOUT * 0.5);
      expect(takeover).toBeLessThan(SESSION_TIMEOUT + 3000);
      expect(contenders.overlaps()).toEqual([]);
    },
    60_000,
  );

  testWithZooKeeper(
    'three contenders: withdraw hands over at once, SIGKILL within the session timeout, never two acting',
    async () => {
      for (const name of ['a', 'b', 'c']) contenders.start(name);
      await contenders.until('all three to see the leader', () =>
        ['a', 'b', 'c'].every((name) => contenders.events(name, 'leader').length > 0),
      );
      const first = await contenders.leader();
      const withdrawnAt = process.hrtime.bigint();
      contenders.send(first, 'withdraw');
      const second = await contenders.leader(10_000, first);
      const handover = msBetween(withdrawnAt, contenders.events(second, 'act')[0].t);
      process.stdout.write(`withdraw → the next acting: ${Math.round(handover)} ms\n`);
      expect(handover).toBeLessThan(1500);
      // The next can act before the first's acting loop (every 20 ms) reports its loss.
      await contenders.until(
        'the first to report its loss',
        () => contenders.events(first, 'lost').length > 0,
        5_000,
      );
      expect(contenders.events(first, 'lost').map((line) => line.reason)).toEqual(['withdrawn']);

      const killedAt = process.hrtime.bigint();
      contenders.kill(second, 'SIGKILL');
      const third = await contenders.leader(20_000, second);
      const takeover = msBetween(
        killedAt,
        contenders.lines.find(
          (line) => line.name === third && line.event === 'act' && line.t > killedAt,
        )!.t,
      );
      process.stdout.write(
        `SIGKILL of the leader (3 contenders) → the next acting: ${Math.round(takeover)} ms\n`,
      );
      expect(takeover).toBeLessThan(SESSION_TIMEOUT + 3000);
      expect(third).not.toBe(second);
      // Everyone still alive agrees on the leader.
      await contenders.until('the survivors to agree', () =>
        [first, third]
          .filter((name, i, all) => all.indexOf(name) === i)
          .every((name) => contenders.events(name, 'leader').at(-1)?.leader === third),
      );
      expect(contenders.overlaps()).toEqual([]);
    },
    60_000,
  );

  testWithZooKeeper(
    'session expiry: the leader SIGSTOPped past the session timeout steps down when it resumes, never acting beside the new one',
    async () => {
      contenders.start('a');
      contenders.start('b');
      const first = await contenders.leader();
      const other = first === 'a' ? 'b' : 'a';
      const stoppedAt = process.hrtime.bigint();
      contenders.kill(first, 'SIGSTOP');
      const second = await contenders.leader(20_000, first);
      expect(second).toBe(other);
      const takeover = msBetween(stoppedAt, contenders.events(other, 'act')[0].t);
      process.stdout.write(
        `SIGSTOP of the leader → the other acting: ${Math.round(takeover)} ms\n`,
      );
      await new Promise((resolve) => setTimeout(resolve, 1000));
      const resumedAt = process.hrtime.bigint();
      contenders.kill(first, 'SIGCONT');
      await contenders.until('the resumed one to step down', () =>
        contenders.events(first, 'lost').some((line) => line.t > resumedAt),
      );
      await new Promise((resolve) => setTimeout(resolve, 1500));
      const loss = contenders.events(first, 'lost').find((line) => line.t > resumedAt)!;
      expect(['lease-expired', 'expired']).toContain(loss.reason);
      // Not one act after it resumed: it found its lease expired before acting.
      expect(contenders.events(first, 'act').filter((line) => line.t > resumedAt)).toEqual([]);
      expect(contenders.actingNow()).toBe(other);
      expect(contenders.overlaps()).toEqual([]);
    },
    60_000,
  );

  // The server (tick 200 ms) grants at most 20 ticks, its default maxSessionTimeout: 4 s.
  // Contenders asking for 10 s must count their lease from the 4 s granted, or the old leader,
  // resumed after the new one was elected on its session's expiry, acts beside it.
  testWithZooKeeper(
    'a session timeout asked longer than the server grants (10 s asked, 4 s granted): the old leader never acts after the new one began',
    async () => {
      const asked = Contenders.election(zookeeper.url(`/election-${++group}`), 10_000);
      try {
        asked.start('a');
        asked.start('b');
        const first = await asked.leader();
        const other = first === 'a' ? 'b' : 'a';
        const stoppedAt = process.hrtime.bigint();
        asked.kill(first, 'SIGSTOP');
        await asked.until('the other to act', () => asked.events(other, 'act').length > 0, 20_000);
        const began = asked.events(other, 'act')[0].t;
        process.stdout.write(
          `asked 10 s, granted 4 s: SIGSTOP of the leader → the other acting: ${Math.round(msBetween(stoppedAt, began))} ms\n`,
        );
        asked.kill(first, 'SIGCONT');
        await asked.until('the resumed one to step down', () =>
          asked.events(first, 'lost').some((line) => line.t > began),
        );
        expect(asked.events(first, 'act').filter((line) => line.t > began)).toEqual([]);
        expect(asked.overlaps()).toEqual([]);
      } finally {
        await asked.stop();
      }
    },
    60_000,
  );

  testWithZooKeeper(
    'ZooKeeper restarted within the session timeout: never two leaders, one leads after',
    async () => {
      contenders.start('a');
      contenders.start('b');
      await contenders.leader();
      await zookeeper.restart(300);
      await new Promise((resolve) => setTimeout(resolve, 3000));
      await contenders.leader(20_000);
      expect(contenders.overlaps()).toEqual([]);
    },
    60_000,
  );

  testWithZooKeeper(
    'ZooKeeper down past the session timeout: the leader steps down, nobody leads meanwhile, one leads after',
    async () => {
      contenders.start('a');
      contenders.start('b');
      const first = await contenders.leader();
      const downAt = process.hrtime.bigint();
      const restarted = zookeeper.restart(SESSION_TIMEOUT * 2);
      await contenders.until('the leader to step down', () =>
        contenders.events(first, 'lost').some((line) => line.t > downAt),
      );
      const loss = contenders.events(first, 'lost').find((line) => line.t > downAt)!;
      process.stdout.write(
        `ZooKeeper down → the leader stepped down (${loss.reason}) after ${Math.round(msBetween(downAt, loss.t))} ms\n`,
      );
      expect(loss.reason).toBe('lease-expired');
      expect(msBetween(downAt, loss.t)).toBeLessThan(SESSION_TIMEOUT);
      await restarted;
      const upAt = process.hrtime.bigint();
      // Nobody acted from the end of the lease until ZooKeeper was back.
      const during = contenders.lines.filter(
        (line) => line.event === 'act' && line.t > loss.t && line.t < upAt,
      );
      expect(during).toEqual([]);
      const leader = await contenders.leader(30_000);
      const back = contenders.events(leader, 'act').find((line) => line.t > upAt)!;
      process.stdout.write(
        `ZooKeeper back → ${leader} acting after ${Math.round(msBetween(upAt, back.t))} ms\n`,
      );
      expect(contenders.overlaps()).toEqual([]);
    },
    60_000,
  );
});
