import os from 'os';
import { startLocalCluster, type LocalCluster } from '../../src/cluster';
import { MesosSchedulerDriver } from '../../src/scheduler/scheduler-driver';
import { describeWithMesos } from '../support/mesos';
import { launchCommandOnce, Recorder } from '../support/recorder';
import { V1Recorder } from '../support/v1-recorder';
import { V1Mesos } from '../../src/v1/scheduler/v1-mesos';
import { startZooKeeper, withZooKeeper } from '../support/zookeeper';

describeWithMesos('master failover through ZooKeeper', () => {
  const { test: testWithZooKeeper } = withZooKeeper('master failover through ZooKeeper');

  /** Runs body against a master and agent that find each other through a ZooKeeper. */
  async function withZooKeeperCluster(body: (cluster: LocalCluster) => Promise<void>) {
    const zookeeper = await startZooKeeper();
    try {
      const cluster = await startLocalCluster({ zk: zookeeper.url('/mesos') });
      try {
        await body(cluster);
      } finally {
        await cluster.stop();
      }
    } finally {
      await zookeeper.stop();
    }
  }

  // As in Mesos's FaultToleranceTest.MasterFailover: a framework that connects to a failed-over
  // master gets registered() again (MESOS-786), with the same framework id.
  testWithZooKeeper(
    'the master goes away and comes back: disconnected, registered again with the same id, task kept',
    () =>
      withZooKeeperCluster(async (cluster) => {
        let driver: MesosSchedulerDriver | undefined;
        try {
          const recorder = new Recorder();
          launchCommandOnce(recorder, 'sleeper', 'sleeper-failover', 'sleep 4324');
          driver = new MesosSchedulerDriver(recorder, {
            framework: { user: '', name: 'master failover', failoverTimeout: 60 },
            master: cluster.master,
          });
          expect(cluster.master).toMatch(/^zk:\/\//);
          driver.start();
          await recorder.until('the task to run', () =>
            recorder.statesOf('sleeper-failover').includes('TASK_RUNNING'),
          );
          const frameworkId = recorder.frameworkId!.value;
          await cluster.restartMaster();
          await recorder.until(
            'disconnected, then registered with the new master',
            () =>
              recorder.events.lastIndexOf('registered') > recorder.events.indexOf('disconnected'),
            60_000,
          );
          expect(recorder.events.filter((e) => e === 'registered')).toHaveLength(2);
          expect(recorder.events.indexOf('disconnected')).toBeGreaterThan(0);
          expect(recorder.frameworkId!.value).toBe(frameworkId);
          const before = recorder.statuses.length;
          driver.reconcileTasks([]);
          await recorder.until('reconciliation', () =>
            recorder.statuses.slice(before).some((s) => s.taskId.value === 'sleeper-failover'),
          );
          expect(
            recorder.statuses.slice(before).find((s) => s.taskId.value === 'sleeper-failover')!
              .state,
          ).toBe('TASK_RUNNING');
          driver.stop();
          await driver.join();
          driver = undefined;
        } finally {
          if (driver) {
            driver.abort();
            await driver.join().catch(() => undefined);
          }
        }
      }),
    150_000,
  );
  // V1Mesos detects the master through ZooKeeper (libmesos's v1 library with a zk:// master):
  // SUBSCRIBED; when the master restarts, disconnected, then connected and SUBSCRIBED again
  // with the same framework id.
  testWithZooKeeper(
    'V1Mesos with a zk:// master subscribes, and again after the master restarts',
    () =>
      withZooKeeperCluster(async (cluster) => {
        let mesos: V1Mesos | undefined;
        try {
          const recorder = new V1Recorder({
            user: os.userInfo().username,
            name: 'v1 over zk',
            failoverTimeout: 60,
          });
          mesos = new V1Mesos(recorder, { master: cluster.master });
          const first = (await recorder.next('SUBSCRIBED', () => true, 60_000)).subscribed!;
          await cluster.restartMaster();
          const again = (await recorder.next('SUBSCRIBED', () => true, 60_000)).subscribed!;
          expect(again.frameworkId.value).toBe(first.frameworkId.value);
          const log = recorder.log.filter((entry) => entry !== 'HEARTBEAT' && entry !== 'OFFERS');
          expect(log.slice(0, 2)).toEqual(['connected', 'SUBSCRIBED']);
          expect(log.indexOf('disconnected')).toBeGreaterThan(1);
          expect(log.lastIndexOf('connected')).toBeGreaterThan(log.indexOf('disconnected'));
          await mesos.close();
          mesos = undefined;
        } finally {
          if (mesos) await mesos.close().catch(() => undefined);
        }
      }),
    150_000,
  );
});
