import { LeaderElection } from 'mesos-napi';
import { ServiceScheduler } from 'mesos-napi/services';
import { SimulatedState } from 'mesos-napi/testing';
import { describeWithMesos } from '../support/mesos';
import { startZooKeeper, zookeeperMissing, type ZooKeeper } from '../support/zookeeper';
import { call, errorOf, post } from '../unit/services/http-support';

// Two schedulers of one service, each with its HTTP server, following one leader election
// on a real ZooKeeper (libmesos's group and contender): only the leader serves the API and
// its actions; the standby answers 503 naming the leader's page, and takes over when it goes.
describeWithMesos('services HTTP API under a leader election', () => {
  const missing = zookeeperMissing();
  if (missing) process.stdout.write(`skipped "services HTTP API under HA": ${missing}\n`);
  const testWithZooKeeper = missing ? test.skip : test;
  let zookeeper: ZooKeeper | undefined;
  afterAll(async () => {
    await zookeeper?.stop();
  });

  async function member(url: string) {
    const service = new ServiceScheduler({
      definition: {
        name: 'shop',
        pods: [{ name: 'web', instances: 2, resources: { cpus: 0.1, mem: 32 }, command: 'true' }],
      },
      state: new SimulatedState(),
      http: { port: 0 },
    });
    await service.ready();
    const election = new LeaderElection({ zk: url, sessionTimeout: 4000, info: service.webuiUrl });
    service.http!.followElection(election);
    return { service, election };
  }

  async function until(what: string, condition: () => boolean): Promise<void> {
    const deadline = Date.now() + 20000;
    while (!condition()) {
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  testWithZooKeeper(
    'the leader acts; a standby answers 503 with the leader page; it serves once it leads',
    async () => {
      zookeeper = await startZooKeeper({ tickTime: 200 });
      const url = zookeeper.url('/services-http');
      const a = await member(url);
      const b = await member(url);
      try {
        // Before contending, a member of an election is a standby that knows no leader.
        const early = await call(b.service, 'GET', '/v1/pods');
        expect(errorOf(early)).toMatchObject({ status: 503, code: 'NOT_LEADER' });
        expect(early.json).toMatchObject({ leader: null, leaderUrl: null });

        await a.election.contend();
        const bElected = b.election.contend();
        await until(
          'b to see a as the leader',
          () => b.election.leader?.info === a.service.webuiUrl,
        );

        expect((await call(a.service, 'GET', '/health')).json).toMatchObject({ role: 'leader' });
        expect((await call(a.service, 'GET', '/v1/pods')).status).toBe(200);
        expect((await post(a.service, '/v1/pods/web/scale', { instances: 3 })).status).toBe(202);
        expect(a.service.status().pods[0].instances).toBe(3);

        const health = await call(b.service, 'GET', '/health');
        expect(health.status).toBe(200);
        expect(health.json).toMatchObject({
          role: 'standby',
          leader: a.service.webuiUrl,
          leaderUrl: a.service.webuiUrl,
        });
        const refused = await post(b.service, '/v1/pods/web/scale', { instances: 5 });
        expect(errorOf(refused)).toMatchObject({
          status: 503,
          code: 'NOT_LEADER',
          message: `this scheduler stands by; the leader is ${a.service.webuiUrl}`,
        });
        expect(refused.json).toMatchObject({ leaderUrl: a.service.webuiUrl });
        expect(refused.headers.get('retry-after')).toBe('2');
        expect(b.service.status().pods[0].instances).toBe(2);
        for (const path of ['/v1/pods', '/v1/instances', '/v1/deployment', '/metrics']) {
          expect(errorOf(await call(b.service, 'GET', path))).toMatchObject({ status: 503 });
        }
        // The page and its status are served, saying only where the leader is.
        expect((await call(b.service, 'GET', '/')).status).toBe(200);
        expect((await call(b.service, 'GET', '/v1/status')).json).toEqual({
          role: 'standby',
          leader: a.service.webuiUrl,
          leaderUrl: a.service.webuiUrl,
        });

        // a steps down: b leads, and serves.
        await a.election.withdraw();
        await bElected;
        expect((await call(b.service, 'GET', '/health')).json).toMatchObject({ role: 'leader' });
        expect((await post(b.service, '/v1/pods/web/scale', { instances: 4 })).status).toBe(202);
        expect(b.service.status().pods[0].instances).toBe(4);
        expect(
          errorOf(await post(a.service, '/v1/pods/web/scale', { instances: 1 })),
        ).toMatchObject({ status: 503, code: 'NOT_LEADER' });
      } finally {
        for (const { service, election } of [a, b]) {
          await election.close();
          service.close();
          await service.http!.close();
        }
      }
    },
    60_000,
  );
});
