import { Status, type TaskInfo } from 'mesos-napi';
import { runsFor, SimulatedCluster } from 'mesos-napi/testing';
import { HttpServerScheduler } from '../../../examples/http-server/scheduler';
import { decodeTaskData } from '../../../examples/http-server/task-data';

// The example's scheduler, unit-tested on the simulated cluster: no Mesos, no processes.
const executor = { value: '/usr/bin/true' };
const framework = { user: 'tester', name: 'http-server example' };

function run(cluster: SimulatedCluster, tasks: number, lifetimeSeconds?: number) {
  const lines: string[] = [];
  const scheduler = new HttpServerScheduler(tasks, lifetimeSeconds, {
    log: (line) => lines.push(line),
    executor,
  });
  const driver = cluster.schedulerDriver(scheduler, { framework });
  driver.start();
  return { scheduler, driver, lines, ended: driver.join() };
}

const launchedTasks = (cluster: SimulatedCluster): TaskInfo[] =>
  cluster.launched.map((l) => l.task);

test('launches one server per task with its own port, suppresses offers, stops once all have finished', async () => {
  const cluster = new SimulatedCluster().onLaunch(runsFor('30s'));
  const { lines, ended } = run(cluster, 2, 30);
  await cluster.advance('1s');
  const tasks = launchedTasks(cluster);
  expect(tasks).toHaveLength(2);
  const ports = tasks.map((t) => decodeTaskData(t.data).port);
  expect(new Set(ports).size).toBe(2);
  for (const task of tasks) {
    expect(decodeTaskData(task.data).lifetimeSeconds).toBe(30);
    expect(task.executor?.command).toEqual(expect.objectContaining(executor));
  }
  expect(cluster.calls.map((c) => c.method)).toEqual(['launchTasks', 'suppressOffers']);
  expect(lines.filter((l) => l.includes('TASK_RUNNING'))).toHaveLength(2);

  await cluster.advance('30s');
  expect(await ended).toBe(Status.DRIVER_STOPPED);
  expect(lines.at(-1)).toBe('all 2 tasks ended; stopping');
  expect(cluster.calls.at(-1)?.method).toBe('stop');
});

test('declines an offer too small for a server (5 s filter) and launches once an agent with room joins', async () => {
  const cluster = new SimulatedCluster({
    agents: [{ resources: 'cpus:0.5;mem:1024;ports:[31000-31010]' }],
  });
  const { driver } = run(cluster, 1);
  await cluster.advance('20s');
  expect(cluster.declined.length).toBeGreaterThan(0);
  expect(cluster.declined.every((d) => d.refuseSeconds === 5)).toBe(true);
  expect(cluster.launched).toHaveLength(0);
  cluster.addAgent({ hostname: 'big', resources: 'cpus:8;mem:8192;ports:[31000-32000]' });
  await cluster.advance('1s');
  expect(cluster.launched).toHaveLength(1);
  expect(cluster.tasks().map((t) => t.state)).toEqual(['TASK_RUNNING']);
  driver.stop();
});

test('counts failed servers and stops when every task has ended', async () => {
  const cluster = new SimulatedCluster().onLaunch(
    runsFor('10s', 'TASK_FAILED', { message: 'port in use' }),
  );
  const { lines, ended } = run(cluster, 3, 60);
  await cluster.advance('11s');
  expect(await ended).toBe(Status.DRIVER_STOPPED);
  expect(lines.filter((l) => l.endsWith('TASK_FAILED (port in use)'))).toHaveLength(3);
  expect(lines.at(-1)).toBe('all 3 tasks ended, 3 failed; stopping');
});

test('Ctrl-C (shutdown) kills the running servers, then stops', async () => {
  const cluster = new SimulatedCluster();
  const { scheduler, driver, lines, ended } = run(cluster, 2);
  await cluster.advance('1s');
  scheduler.shutdown(driver);
  await cluster.advance(0);
  expect(cluster.calls.filter((c) => c.method === 'killTask')).toHaveLength(2);
  expect(lines.filter((l) => l.endsWith('TASK_KILLED'))).toHaveLength(2);
  expect(await ended).toBe(Status.DRIVER_STOPPED);
});

test('an agent lost mid-run: its server ends TASK_LOST and the framework stops', async () => {
  const cluster = new SimulatedCluster();
  const { lines, ended } = run(cluster, 1);
  await cluster.advance('1m');
  cluster.loseAgent(cluster.agents()[0].id);
  await cluster.advance(0);
  expect(lines.some((l) => l.endsWith('TASK_LOST (health check timed out)'))).toBe(true);
  expect(await ended).toBe(Status.DRIVER_STOPPED);
  // The handler of TASK_LOST stopped the driver: slaveLost, which follows, is not delivered.
  expect(cluster.events.map((e) => e.event).at(-1)).toBe('statusUpdate');
});
