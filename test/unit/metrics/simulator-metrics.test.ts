import {
  filters,
  scalar,
  type ExecutorDriver,
  type MetricsSnapshot,
  type Offer,
  type TaskStatus,
} from 'mesos-napi';
import { runsFor, SimulatedCluster } from 'mesos-napi/testing';

const framework = { user: 'tester', name: 'metrics test' };
const task = (id: string, offer: Offer, fields: Record<string, unknown> = {}) => ({
  name: id,
  taskId: { value: id },
  slaveId: offer.slaveId,
  resources: [scalar('cpus', 1), scalar('mem', 128)],
  command: { value: 'true' },
  ...fields,
});

test('a scripted run on the simulator: the scheduler driver’s metrics count exactly what happened', async () => {
  const cluster = new SimulatedCluster({ agents: [{ resources: 'cpus:2;mem:1024' }] }).onLaunch(
    runsFor('5s'),
  );
  const seen = { offers: 0, updates: [] as TaskStatus[], handlerCalls: 0 };
  let launched = false;
  const driver = cluster.schedulerDriver(
    {
      registered() {
        seen.handlerCalls++;
      },
      resourceOffers(d, offers) {
        seen.handlerCalls++;
        seen.offers += offers.length;
        for (const offer of offers) {
          if (!launched) {
            launched = true;
            d.launchTasks(offer.id, [task('a', offer), task('b', offer)]);
          } else {
            d.declineOffer(offer.id, filters(3600));
          }
        }
      },
      async statusUpdate(_d, status) {
        seen.handlerCalls++;
        seen.updates.push(status);
        await new Promise((resolve) => setImmediate(resolve));
      },
    },
    { framework },
  );
  const before = driver.metrics();
  expect(before.state).toBe('DRIVER_NOT_STARTED');
  expect(before.events).toEqual({});
  driver.start();
  await cluster.advance('10s');

  const m = driver.metrics();
  expect(m.source).toBe('scheduler-driver');
  expect(m.state).toBe('DRIVER_RUNNING');
  expect(m.events).toEqual({
    registered: 1,
    resourceOffers: m.events.resourceOffers,
    statusUpdate: 6,
  });
  expect(m.events.resourceOffers).toBeGreaterThanOrEqual(1);
  expect(m.updates).toEqual({ TASK_STARTING: 2, TASK_RUNNING: 2, TASK_FINISHED: 2 });
  expect(seen.updates.map((s) => s.state).sort()).toEqual(
    [
      'TASK_STARTING',
      'TASK_STARTING',
      'TASK_RUNNING',
      'TASK_RUNNING',
      'TASK_FINISHED',
      'TASK_FINISHED',
    ].sort(),
  );
  expect(m.offers).toEqual({
    received: seen.offers,
    rescinded: 0,
    declined: seen.offers - 1,
    used: 1,
  });
  expect(m.calls).toEqual({
    start: { DRIVER_RUNNING: 1 },
    launchTasks: { DRIVER_RUNNING: 1 },
    ...(seen.offers > 1 ? { declineOffer: { DRIVER_RUNNING: seen.offers - 1 } } : {}),
  });
  expect(m.handlerSeconds.count).toBe(seen.handlerCalls);
  expect(m.handlerSeconds.buckets.at(-1)).toEqual({ le: Infinity, count: seen.handlerCalls });
  expect(m.handlerSeconds.sum).toBeGreaterThan(0);
  // The simulator delivers the next event once the handlers' promises have settled.
  expect(m.queued).toEqual({ now: 0, max: 0 });
  // The simulator has no native bridge: nothing waited in libmesos.
  expect(m.libmesosWait).toEqual({ count: 0, seconds: 0, maxSeconds: 0 });

  // A snapshot is a copy: later events do not change it.
  const copy: MetricsSnapshot = JSON.parse(JSON.stringify(m));
  driver.stop();
  await driver.join();
  expect(JSON.parse(JSON.stringify(m))).toEqual(copy);
  const after = driver.metrics();
  expect(after.state).toBe('DRIVER_STOPPED');
  expect(after.calls.stop).toEqual({ DRIVER_STOPPED: 1 });
});

test('a refused call is counted with its status, and its offers are neither used nor declined', async () => {
  const cluster = new SimulatedCluster({ agents: [{ resources: 'cpus:1;mem:256' }] });
  let offer: Offer | undefined;
  const driver = cluster.schedulerDriver(
    {
      resourceOffers(_d, offers) {
        offer ??= offers[0];
      },
    },
    { framework },
  );
  driver.start();
  await cluster.advance(0);
  driver.abort();
  await driver.join();
  expect(driver.declineOffer(offer!.id)).toBe('DRIVER_ABORTED');
  const m = driver.metrics();
  expect(m.calls.declineOffer).toEqual({ DRIVER_ABORTED: 1 });
  expect(m.calls.abort).toEqual({ DRIVER_ABORTED: 1 });
  expect(m.offers).toEqual({ received: 1, rescinded: 0, declined: 0, used: 0 });
  expect(m.state).toBe('DRIVER_ABORTED');
});

test('the executor driver’s metrics on the simulator: events it got, updates it sent by state', async () => {
  const cluster = new SimulatedCluster({ agents: [{ resources: 'cpus:2;mem:1024' }] });
  let executorDriver: ExecutorDriver | undefined;
  const got: string[] = [];
  cluster.runExecutor('exec', () => ({
    registered(d) {
      executorDriver = d;
      got.push('registered');
    },
    launchTask(d, t) {
      got.push('launchTask');
      d.sendStatusUpdate({ taskId: t.taskId, state: 'TASK_RUNNING' });
      d.sendStatusUpdate({ taskId: t.taskId, state: 'TASK_FINISHED' });
    },
  }));
  let launched = false;
  const driver = cluster.schedulerDriver(
    {
      resourceOffers(d, offers) {
        if (launched) return;
        launched = true;
        const offer = offers[0];
        d.launchTasks(offer.id, [
          task('t', offer, {
            command: undefined,
            executor: {
              executorId: { value: 'exec' },
              command: { value: 'unused' },
              resources: [scalar('cpus', 0.1), scalar('mem', 32)],
            },
          }),
        ]);
      },
    },
    { framework },
  );
  driver.start();
  await cluster.advance('1s');
  const m = executorDriver!.metrics();
  expect(m.source).toBe('executor-driver');
  expect(m.state).toBe('DRIVER_RUNNING');
  expect(m.events).toEqual({ registered: 1, launchTask: 1 });
  expect(got).toEqual(['registered', 'launchTask']);
  expect(m.calls).toEqual({
    start: { DRIVER_RUNNING: 1 },
    sendStatusUpdate: { DRIVER_RUNNING: 2 },
  });
  expect(m.updates).toEqual({ TASK_RUNNING: 1, TASK_FINISHED: 1 });
  expect(m.handlerSeconds.count).toBe(2);
  expect(driver.metrics().updates).toEqual({ TASK_RUNNING: 1, TASK_FINISHED: 1 });
  driver.stop();
  await driver.join();
});
