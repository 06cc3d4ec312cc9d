import { startLocalCluster, type LocalCluster } from '../../src/cluster';
import { Contenders, msBetween, type ContenderLine } from '../support/contenders';
import { describeWithMesos } from '../support/mesos';
import { startZooKeeper, withZooKeeper, type ZooKeeper } from '../support/zookeeper';

// HighlyAvailableScheduler on a real master and agent (with ZooKeeper), its processes
// children running test/native/fixtures/ha/framework.js: a scheduler keeping one sleeper
// task running. Each leader acts every 20 ms while leadership.isCurrent(); no two
// processes' acting terms may overlap.
const SESSION_TIMEOUT = 2000;

describeWithMesos('highly available scheduler (ZooKeeper, master and agent)', () => {
  const { missing, test: testWithZooKeeper } = withZooKeeper('highly available scheduler');

  let zookeeper: ZooKeeper;
  let cluster: LocalCluster;
  let processes: Contenders;
  let group = 0;
  beforeAll(async () => {
    if (missing) return;
    zookeeper = await startZooKeeper({ tickTime: 200 });
    cluster = await startLocalCluster({ zk: zookeeper.url('/mesos') }).catch(async (error) => {
      await zookeeper.stop();
      throw error;
    });
  }, 60_000);
  afterAll(async () => {
    await cluster?.stop();
    await zookeeper?.stop();
  });
  afterEach(async () => {
    await processes?.stop();
  });

  const start = (failoverTimeout: number) =>
    Contenders.framework({
      zk: zookeeper.url(`/framework-${++group}`),
      master: cluster.master,
      sessionTimeout: SESSION_TIMEOUT,
      failoverTimeout,
      tasks: 1,
    });
  const first = (name: string, event: string, after = 0n): ContenderLine | undefined =>
    processes.lines.find((line) => line.name === name && line.event === event && line.t > after);

  testWithZooKeeper(
    'the leader is SIGKILLed: the other registers with the same framework id, reconciles, keeps the task',
    async () => {
      processes = start(60);
      processes.start('a');
      processes.start('b');
      await processes.until('a task running', () =>
        processes.lines.some((l) => l.event === 'status' && l.state === 'TASK_RUNNING'),
      );
      const leader = processes.lines.find((l) => l.event === 'registered')!;
      expect(leader.failover).toBe(false);
      const other = leader.name === 'a' ? 'b' : 'a';
      expect(first(other, 'elected')).toBeUndefined();

      const killedAt = process.hrtime.bigint();
      processes.kill(leader.name, 'SIGKILL');
      await processes.until('the other to register', () => !!first(other, 'registered'), 30_000);
      const registered = first(other, 'registered')!;
      process.stdout.write(
        `scheduler SIGKILLed → the other registered: ${Math.round(msBetween(killedAt, registered.t))} ms\n`,
      );
      expect(registered.frameworkId).toBe(leader.frameworkId);
      expect(registered.failover).toBe(true);
      await processes.until('reconciliation', () => !!first(other, 'reconciled'));
      expect(first(other, 'reconciled')!.tasks).toEqual(['sleeper-0:TASK_RUNNING']);
      // Reconciled, so nothing new is launched: the task kept running is the one it wants.
      await new Promise((resolve) => setTimeout(resolve, 1500));
      expect(first(other, 'launched')).toBeUndefined();
      expect(processes.overlaps()).toEqual([]);

      processes.send(other, 'teardown');
      await processes.until('the teardown', () => !!first(other, 'stopped'));
    },
    90_000,
  );

  testWithZooKeeper(
    'the framework was removed by the master (leader gone past failoverTimeout): the id is cleared, it registers afresh',
    async () => {
      processes = start(1);
      processes.start('a');
      await processes.until('a task running', () =>
        processes.lines.some((l) => l.event === 'status' && l.state === 'TASK_RUNNING'),
      );
      const old = first('a', 'registered')!.frameworkId!;
      processes.kill('a', 'SIGKILL');
      await processes.exited('a');
      // The master notices the scheduler gone (its socket closes), then waits failoverTimeout.
      await new Promise((resolve) => setTimeout(resolve, 4000));
      processes.start('b');
      await processes.until('b registered afresh', () => !!first('b', 'registered'), 30_000);
      expect(first('b', 'removed')).toMatchObject({
        frameworkId: old,
        message: 'Framework has been removed',
      });
      const fresh = first('b', 'registered')!;
      expect(fresh.failover).toBe(false);
      expect(fresh.frameworkId).not.toBe(old);
      await processes.until('its task running', () =>
        processes.lines.some(
          (l) => l.name === 'b' && l.event === 'status' && l.state === 'TASK_RUNNING',
        ),
      );
      expect(processes.events('b', 'failed')).toEqual([]);
      processes.send('b', 'teardown');
      await processes.until('the teardown', () => !!first('b', 'stopped'));
    },
    90_000,
  );

  testWithZooKeeper(
    'master failover at the same time as scheduler failover: the other registers with the same id, learns the task, launches nothing',
    async () => {
      processes = start(60);
      processes.start('a');
      processes.start('b');
      await processes.until('a task running', () =>
        processes.lines.some((l) => l.event === 'status' && l.state === 'TASK_RUNNING'),
      );
      const leader = processes.lines.find((l) => l.event === 'registered')!;
      const other = leader.name === 'a' ? 'b' : 'a';
      const killedAt = process.hrtime.bigint();
      processes.kill(leader.name, 'SIGKILL');
      await cluster.restartMaster();
      await processes.until('the other to register', () => !!first(other, 'registered'), 60_000);
      const registered = first(other, 'registered')!;
      process.stdout.write(
        `master restarted and scheduler SIGKILLed → the other registered: ${Math.round(msBetween(killedAt, registered.t))} ms\n`,
      );
      expect(registered.frameworkId).toBe(leader.frameworkId);
      expect(registered.failover).toBe(true);
      await processes.until(
        'the task reported running to the new leader',
        () =>
          processes.lines.some(
            (l) =>
              l.name === other &&
              l.event === 'status' &&
              l.task === 'sleeper-0' &&
              l.state === 'TASK_RUNNING',
          ),
        60_000,
      );
      await new Promise((resolve) => setTimeout(resolve, 2000));
      expect(first(other, 'launched')).toBeUndefined();
      expect(processes.overlaps()).toEqual([]);
      processes.send(other, 'teardown');
      await processes.until('the teardown', () => !!first(other, 'stopped'));
    },
    120_000,
  );

  testWithZooKeeper(
    'the leader SIGSTOPped past the session timeout: the other fails over to the framework; the resumed one steps down, never acting beside it',
    async () => {
      processes = start(60);
      processes.start('a');
      processes.start('b');
      await processes.until('a task running', () =>
        processes.lines.some((l) => l.event === 'status' && l.state === 'TASK_RUNNING'),
      );
      const leader = processes.lines.find((l) => l.event === 'registered')!;
      const other = leader.name === 'a' ? 'b' : 'a';
      const stoppedAt = process.hrtime.bigint();
      processes.kill(leader.name, 'SIGSTOP');
      await processes.until('the other to register', () => !!first(other, 'registered'), 30_000);
      const registered = first(other, 'registered')!;
      process.stdout.write(
        `scheduler SIGSTOPped → the other registered: ${Math.round(msBetween(stoppedAt, registered.t))} ms\n`,
      );
      expect(registered).toMatchObject({ frameworkId: leader.frameworkId, failover: true });
      await new Promise((resolve) => setTimeout(resolve, 1000));
      const resumedAt = process.hrtime.bigint();
      processes.kill(leader.name, 'SIGCONT');
      await processes.until(
        'the resumed leader to step down',
        () => !!first(leader.name, 'lost', resumedAt),
      );
      expect(['lease-expired', 'expired']).toContain(first(leader.name, 'lost', resumedAt)!.reason);
      await new Promise((resolve) => setTimeout(resolve, 2000));
      const after = processes.lines.filter(
        (l) => l.name === leader.name && l.t > resumedAt && ['act', 'launched'].includes(l.event),
      );
      expect(after).toEqual([]);
      expect(processes.events(leader.name, 'failed')).toEqual([]);
      expect(processes.actingNow()).toBe(other);
      expect(first(other, 'launched')).toBeUndefined();
      expect(processes.overlaps()).toEqual([]);
      processes.send(other, 'teardown');
      await processes.until('the teardown', () => !!first(other, 'stopped'));
    },
    90_000,
  );
});
