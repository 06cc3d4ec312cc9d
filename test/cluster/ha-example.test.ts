import { spawnSync } from 'child_process';
import * as path from 'path';
import { startLocalCluster, type LocalCluster } from '../../src/cluster';
import { get } from '../support/cluster';
import { leftovers, runExample, type Run } from '../support/example-process';
import { describeWithMesos } from '../support/mesos';
import { startZooKeeper, withZooKeeper, type ZooKeeper } from '../support/zookeeper';

// The worked example of highly available frameworks (docs/high-availability.md): two
// processes of examples/http-server with --ha on a local cluster with ZooKeeper; the leader
// is killed; the other takes over with the same framework id, the web server still serving.
const root = path.join(__dirname, '..', '..');

describeWithMesos('the example, highly available (two processes, --ha)', () => {
  const { missing, test: testWithZooKeeper } = withZooKeeper('the example, highly available');

  let zookeeper: ZooKeeper;
  let cluster: LocalCluster;
  const runs: Run[] = [];
  beforeAll(async () => {
    if (missing) return;
    const build = spawnSync(
      process.execPath,
      [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.examples.json'],
      { cwd: root, encoding: 'utf8' },
    );
    if (build.status !== 0) throw new Error(`examples did not compile:\n${build.stdout}`);
    zookeeper = await startZooKeeper({ tickTime: 200 });
    cluster = await startLocalCluster({ zk: zookeeper.url('/mesos') });
  }, 120_000);
  afterAll(async () => {
    for (const run of runs) run.child.kill('SIGKILL');
    await cluster?.stop();
    await zookeeper?.stop();
  });

  testWithZooKeeper(
    'the leader is killed: the other takes over within seconds, same framework id, the server still serving',
    async () => {
      const args = [
        '--master',
        cluster.master,
        '--ha',
        zookeeper.url('/http-server-example'),
        '--session-timeout',
        '2000',
        '--tasks',
        '1',
      ];
      const first = runExample(args);
      runs.push(first);
      const registered = await first.line(/^registered framework (\S+)/);
      const frameworkId = /framework (\S+)/.exec(registered)![1];
      const running = await first.line(/TASK_RUNNING serving (http:\S+)/);
      const url = /serving (http:\S+)/.exec(running)![1];
      expect(await get(url)).toContain('Directory listing for /');

      const second = runExample(args);
      runs.push(second);
      await second.line(/^leader: (?!.*this process)/);

      const killedAt = performance.now();
      first.child.kill('SIGKILL');
      const takeover = await second.line(/^failed over to framework (\S+)/, 30_000);
      const takeoverMs = performance.now() - killedAt;
      process.stdout.write(
        `example: leader SIGKILLed → the other's registered(): ${Math.round(takeoverMs)} ms (session timeout 2000 ms)\n`,
      );
      expect(/framework (\S+)/.exec(takeover)![1]).toBe(frameworkId);
      expect(takeoverMs).toBeLessThan(10_000);
      await second.line(/^adopted web-\d+-\S+ \(TASK_RUNNING/);
      // The server the first leader launched still serves: the task was kept.
      expect(await get(url)).toContain('Directory listing for /');
      expect(second.output()).not.toMatch(/^staging /m);

      second.child.kill('SIGINT');
      await second.line(/^framework done/, 60_000);
      expect(await second.exited).toBe(0);
      expect(second.output()).toMatch(/TASK_KILLED/);
      expect(await leftovers()).toBe('');
    },
    120_000,
  );
});
