import * as fs from 'fs';
import * as path from 'path';
import { startLocalCluster, type LocalCluster } from '../../src/cluster';
import { InMemoryState } from '../../src/state';
import { MesosSchedulerDriver } from '../../src/scheduler/scheduler-driver';
import { ServiceScheduler, type ServiceDefinition, type ServiceEvent } from '../../src/services';
import { describeWithMesos } from '../support/mesos';
import { eventually, get, useLocalCluster } from '../support/cluster';
import { Contenders, type ContenderLine } from '../support/contenders';
import { startZooKeeper, withZooKeeper, type ZooKeeper } from '../support/zookeeper';

/** Three web servers answering `version`, one per host, health-checked over HTTP. */
function webService(version: string): ServiceDefinition {
  const server =
    `require('http').createServer((_, res) => res.end(${JSON.stringify(version)}))` +
    '.listen(process.env.PORT0)';
  return {
    name: 'cluster-web',
    pods: [
      {
        name: 'web',
        instances: 3,
        resources: { cpus: 0.1, mem: 64, ports: 1 },
        command: ['node', '-e', server],
        healthCheck: {
          http: { portIndex: 0, path: '/' },
          delaySeconds: 0,
          intervalSeconds: 1,
          gracePeriodSeconds: 20,
        },
        killPolicy: { gracePeriodSeconds: 1 },
        restart: { backoffSeconds: 2, backoffFactor: 2, maxLaunchDelaySeconds: 30 },
        constraints: [['hostname', 'UNIQUE']],
        upgrade: { minimumHealthCapacity: 0.5, maximumOverCapacity: 0 },
      },
    ],
  };
}

const server = (port: number) => get(`http://127.0.0.1:${port}/`);

/** The pid of the live server listening on this port (its environment names the port). */
function serverOnPort(port: number): number | undefined {
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const cmdline = fs.readFileSync(`/proc/${entry}/cmdline`, 'utf8');
      const environ = fs.readFileSync(`/proc/${entry}/environ`, 'utf8').split('\0');
      if (cmdline.includes('createServer') && environ.includes(`PORT0=${port}`)) {
        return Number(entry);
      }
    } catch {
      // gone, or not ours
    }
  }
  return undefined;
}

// The services layer on a real master and three agents on 127.0.0.1 with distinct hostnames.
describeWithMesos('a service on a real cluster', () => {
  const cluster = useLocalCluster();

  test('3 instances, one per host; a killed server restarted after its backoff; a rolling update keeps 2 of 3 healthy', async () => {
    await cluster().addAgent({ hostname: 'host-2' });
    await cluster().addAgent({ hostname: 'host-3' });
    const state = new InMemoryState();
    const service = new ServiceScheduler({ definition: webService('v1'), state });
    const events: ServiceEvent[] = [];
    service.on('event', (event) => events.push(event));
    const driver = new MesosSchedulerDriver(service, {
      master: cluster().master,
      framework: { user: '', name: 'services cluster test' },
    });
    driver.start();
    try {
      const instances = () => service.status().pods[0]?.instanceList ?? [];
      const healthy = () => instances().filter((i) => i.state === 'TASK_RUNNING' && i.healthy);
      await eventually('3 healthy instances', () => healthy().length === 3, 90_000);
      expect(new Set(healthy().map((i) => i.hostname))).toEqual(
        new Set(['127.0.0.1', 'host-2', 'host-3']),
      );
      for (const instance of healthy()) expect(await server(instance.ports![0])).toBe('v1');

      // SIGKILL one server: its task fails, and the instance waits out its backoff.
      const victim = healthy()[0];
      const pid = serverOnPort(victim.ports![0]);
      expect(pid).toBeDefined();
      process.kill(pid!, 'SIGKILL');
      const ended = () =>
        events.find((e) => e.type === 'instance-ended' && e.taskId === victim.taskId);
      const relaunched = () =>
        events.find(
          (e) =>
            e.type === 'instance-launched' &&
            e.instance === victim.id &&
            e.taskId !== victim.taskId,
        );
      await eventually('the killed instance relaunched', () => relaunched() !== undefined, 60_000);
      expect(ended()).toMatchObject({ state: 'TASK_FAILED' });
      expect(events).toContainEqual(
        expect.objectContaining({
          type: 'instance-restart-delayed',
          instance: victim.id,
          delaySeconds: 2,
        }),
      );
      expect(relaunched()!.at - ended()!.at).toBeGreaterThanOrEqual(2000);
      await eventually('3 healthy instances again', () => healthy().length === 3, 90_000);

      // The rolling update: every kill leaves at least 2 healthy (minimumHealthCapacity 0.5).
      const up = new Set(healthy().map((i) => i.taskId!));
      let fewestHealthyAfterAKill = Infinity;
      service.on('event', (event) => {
        if (event.type === 'instance-healthy') up.add(event.taskId);
        if (event.type === 'instance-kill-requested' || event.type === 'instance-ended') {
          up.delete(event.taskId);
        }
        if (event.type === 'instance-kill-requested') {
          fewestHealthyAfterAKill = Math.min(fewestHealthyAfterAKill, up.size);
        }
      });
      await service.update(webService('v2'));
      await eventually(
        'the update done',
        () => events.some((e) => e.type === 'deployment-succeeded'),
        180_000,
      );
      expect(events.some((e) => e.type === 'deployment-failed')).toBe(false);
      expect(fewestHealthyAfterAKill).toBe(2);
      await eventually('3 healthy instances of v2', () => healthy().length === 3, 60_000);
      expect(new Set(healthy().map((i) => i.hostname)).size).toBe(3);
      for (const instance of healthy()) expect(await server(instance.ports![0])).toBe('v2');
    } finally {
      driver.stop();
      await driver.join();
      service.close();
    }
  }, 400_000);
});

// A pod with a persistent volume on a real master: its first launch reserves and creates the
// volume and fails after leaving a marker in it; the relaunch, on the same agent, finds the
// marker and keeps running. Scaled to 0, the volume is destroyed (its directory goes).
describeWithMesos('a service with persistent volumes on a real cluster', () => {
  const cluster = useLocalCluster({ masterFlags: ['--allocation_interval=100ms'] });

  test('a resident instance is relaunched with its data; scaled to 0, its volume is destroyed', async () => {
    const definition: ServiceDefinition = {
      name: 'resident',
      pods: [
        {
          name: 'db',
          instances: 1,
          resources: { cpus: 0.1, mem: 32, role: 'db' },
          command:
            'if [ -f data/marker ]; then exec sleep 3600; else touch data/marker; exit 1; fi',
          volumes: [{ containerPath: 'data', sizeMB: 16 }],
          restart: { backoffSeconds: 0.5 },
        },
      ],
    };
    const service = new ServiceScheduler({
      definition,
      state: new InMemoryState(),
      principal: 'ops',
    });
    const driver = new MesosSchedulerDriver(service, {
      master: cluster().master,
      framework: {
        user: '',
        name: 'resident service test',
        principal: 'ops',
        roles: ['db'],
        capabilities: [{ type: 'MULTI_ROLE' }, { type: 'RESERVATION_REFINEMENT' }],
      },
    });
    driver.start();
    const volumeDir = path.join(
      cluster().workDir,
      'agent',
      'volumes',
      'roles',
      'db',
      'resident.db-0.0',
    );
    try {
      const instance = () => service.status().pods[0]?.instanceList[0];
      await eventually(
        'the relaunch running',
        () => instance()?.state === 'TASK_RUNNING' && instance()!.launches === 2,
        60_000,
      );
      expect(
        instance()!
          .history.filter((h) => h.event === 'ended')
          .map((h) => h.state),
      ).toEqual(['TASK_FAILED']);
      expect(instance()!.residentOn).toBe(instance()!.agentId);
      expect(fs.existsSync(path.join(volumeDir, 'marker'))).toBe(true);

      await service.scale('db', 0);
      await eventually('the volume destroyed', () => !fs.existsSync(volumeDir), 60_000);
      expect(service.status().pods[0].instanceList).toEqual([]);
      const reservedNow = async () => {
        const body = await get(`${cluster().webUi}/master/slaves`);
        return (JSON.parse(body) as { slaves: { reserved_resources: object }[] }).slaves[0]
          .reserved_resources;
      };
      let reserved: object = { db: 'not read yet' };
      const deadline = Date.now() + 30_000;
      while (Object.keys(reserved).length > 0 && Date.now() < deadline) {
        reserved = await reservedNow();
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      expect(reserved).toEqual({});
    } finally {
      driver.stop();
      await driver.join();
      service.close();
    }
  }, 120_000);
});

/** A line of test/cluster/fixtures/ha-service.js: election events, and service events. */
type ServiceLine = ContenderLine & { type?: ServiceEvent['type']; taskId?: string };

/** The tasks of the master's active frameworks: id and state. */
async function masterTasks(webUi: string): Promise<{ id: string; state: string }[]> {
  const state = JSON.parse(await get(`${webUi}/master/state`)) as {
    frameworks: { tasks: { id: string; state: string }[] }[];
  };
  return state.frameworks.flatMap((f) => f.tasks);
}

describeWithMesos('a highly available service on a real cluster (ZooKeeper)', () => {
  const { missing, test: testWithZooKeeper } = withZooKeeper('a highly available service');
  let zookeeper: ZooKeeper;
  let cluster: LocalCluster;
  let processes: Contenders | undefined;
  beforeAll(async () => {
    if (missing) return;
    zookeeper = await startZooKeeper({ tickTime: 200 });
    cluster = await startLocalCluster({ zk: zookeeper.url('/mesos') }).catch(async (error) => {
      await zookeeper.stop();
      throw error;
    });
    await cluster.addAgent({ hostname: 'host-2' });
    await cluster.addAgent({ hostname: 'host-3' });
  }, 90_000);
  afterAll(async () => {
    await processes?.stop();
    await cluster?.stop();
    await zookeeper?.stop();
  });

  testWithZooKeeper(
    'the leader SIGKILLed in the middle of a rolling update: the other finishes it, launching nothing twice',
    async () => {
      const fixture = path.join(__dirname, 'fixtures', 'ha-service.js');
      const started = new Contenders((name) => [
        fixture,
        zookeeper.url('/ha-service'),
        `127.0.0.1:${zookeeper.port}`,
        cluster.master,
        name,
        '2000',
      ]);
      processes = started;
      started.start('a');
      started.start('b');
      const lines = () => started.lines as ServiceLine[];
      const service = (type: string, name?: string) =>
        lines().filter(
          (l) => l.event === 'service' && l.type === type && (!name || l.name === name),
        );
      await started.until(
        '3 healthy sleepers',
        () => service('instance-healthy').length === 3,
        90_000,
      );
      const leader = lines().find((l) => l.event === 'registered')!.name;
      const other = leader === 'a' ? 'b' : 'a';

      started.send(leader, 'update v2');
      // Killed once update() has resolved, that is, once the update is in the State: a step
      // is announced before it is saved, and a leader killed in between takes the update
      // with it (the other rightly keeps v1 then).
      await started.until(
        'the update accepted and its first step taken',
        () =>
          lines().some((l) => l.name === leader && l.event === 'update-accepted') &&
          service('deployment-step', leader).length > 0,
      );
      started.kill(leader, 'SIGKILL');
      await started.until(
        'the other to finish the update',
        () => service('deployment-succeeded', other).length > 0,
        120_000,
      );

      // The killed leader took the update's first step only; the other took the rest.
      expect(service('deployment-step', other).length).toBeGreaterThan(0);
      const launched = service('instance-launched').map((l) => l.taskId!);
      expect(new Set(launched).size).toBe(launched.length);
      const live = (await masterTasks(cluster.webUi)).filter((t) =>
        ['TASK_STAGING', 'TASK_STARTING', 'TASK_RUNNING'].includes(t.state),
      );
      // Task ids are <service>.<instance>.<launch>-<random>: one live task per instance.
      const instances = live.map((t) => t.id.split('.')[1]);
      expect(new Set(instances).size).toBe(instances.length);
      expect(live).toHaveLength(3);
      for (const task of live) expect(launched).toContain(task.id);
      expect(service('deployment-failed')).toEqual([]);
      process.stdout.write(
        `ha service: ${launched.length} launches in all (3 before the update); the new leader finished the update\n`,
      );

      started.send(other, 'teardown');
      await started.until('the teardown', () => lines().some((l) => l.event === 'stopped'));
    },
    300_000,
  );
});
