import { ServiceScheduler } from 'mesos-napi/services';
import { SimulatedCluster, SimulatedState } from 'mesos-napi/testing';
import { describe as describeService, runCommand } from '../../../examples/web-service/commands';
import { webService } from '../../../examples/web-service/definition';

// The services example's definition and commands on a simulated cluster of 3 agents.
function start() {
  const cluster = new SimulatedCluster({
    agents: [{ hostname: 'agent-1' }, { hostname: 'agent-2' }, { hostname: 'agent-3' }],
  });
  cluster.onLaunch(() => ({
    steps: [
      { state: 'TASK_STARTING' },
      { state: 'TASK_RUNNING' },
      { after: '3s', state: 'TASK_RUNNING', healthy: true },
    ],
  }));
  const service = new ServiceScheduler({
    definition: webService('v1'),
    state: new SimulatedState(),
    clock: { now: () => cluster.now, setTimeout: (fn, ms) => cluster.setTimeout(fn, ms) },
  });
  const driver = cluster.schedulerDriver(service, { framework: { user: 'test', name: 'example' } });
  driver.start();
  return { cluster, service, driver };
}

test('3 servers on 3 hosts; "update v2" replaces them one at a time, 2 always serving', async () => {
  const { cluster, service, driver } = start();
  await cluster.advance('5s');
  expect(describeService(service)).toBe(
    [
      '  web-0 v1 TASK_RUNNING healthy on agent-1:31000',
      '  web-1 v1 TASK_RUNNING healthy on agent-2:31000',
      '  web-2 v1 TASK_RUNNING healthy on agent-3:31000',
    ].join('\n'),
  );
  expect(await runCommand(service, 'update v2')).toBe('update 1 to version v2 started');
  for (let t = 0; t < 60 && service.status().deployment?.state === 'running'; t++) {
    await cluster.advance('500ms');
    const pod = service.status().pods[0];
    expect(pod.healthy).toBeGreaterThanOrEqual(2);
    expect(new Set(pod.instanceList.map((i) => i.hostname).filter(Boolean)).size).toBe(
      pod.instanceList.filter((i) => i.hostname).length,
    );
  }
  expect(service.status().deployment?.state).toBe('succeeded');
  const launched = cluster.launched.map((l) => l.task);
  expect(launched).toHaveLength(6);
  const versions = launched.map(
    (t) => t.command!.environment!.variables.find((v) => v.name === 'VERSION')!.value,
  );
  expect(versions).toEqual(['v1', 'v1', 'v1', 'v2', 'v2', 'v2']);
  expect(launched[3].command!.arguments!.at(-1)).toContain('"v2\\n"');
  expect(launched[3].healthCheck).toMatchObject({ type: 'HTTP', http: { port: 31000, path: '/' } });
  expect(await runCommand(service, 'update v2')).toBe(
    'nothing to replace: version v2 already runs',
  );
  driver.stop();
  service.close();
});

test('"scale N" and bad commands', async () => {
  const { cluster, service, driver } = start();
  await cluster.advance('5s');
  expect(await runCommand(service, 'scale 4')).toBe('scaling to 4');
  await cluster.advance('5s');
  // The fourth server has no host of its own: it waits, saying why.
  expect(describeService(service).split('\n').at(-1)).toMatch(
    /^ {2}web-3 v2 waiting \(hostname 'agent-\d' already has an instance \(UNIQUE\)\)$/,
  );
  await expect(runCommand(service, 'scale -1')).rejects.toThrow("scale: '-1' is not a count");
  await expect(runCommand(service, 'restart')).rejects.toThrow("unknown command 'restart'");
  await expect(runCommand(service, 'update v3 now')).rejects.toThrow('too many words');
  driver.stop();
  service.close();
});
