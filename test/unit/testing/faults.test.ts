import { filters, scalar, type Offer, type TaskStatus } from 'mesos-napi';
import { SimulatedCluster } from 'mesos-napi/testing';

const framework = { user: 'tester', name: 'faults' };

function launcher(
  cluster: SimulatedCluster,
  options: { partitionAware?: boolean; executor?: boolean } = {},
) {
  let first = true;
  const offers: Offer[] = [];
  const statuses: TaskStatus[] = [];
  const driver = cluster.schedulerDriver(
    {
      resourceOffers(d, batch) {
        offers.push(...batch);
        for (const offer of batch) {
          if (!first) {
            d.declineOffer(offer.id, filters(3600));
            continue;
          }
          first = false;
          d.launchTasks(offer.id, [
            {
              name: 't',
              taskId: { value: 't' },
              slaveId: offer.slaveId,
              resources: [scalar('cpus', 1), scalar('mem', 64)],
              ...(options.executor
                ? { executor: { executorId: { value: 'e' }, command: { value: 'run-executor' } } }
                : { command: { value: 'true' } }),
            },
          ]);
        }
      },
      statusUpdate(_d, status) {
        statuses.push(status);
      },
    },
    {
      framework: {
        ...framework,
        capabilities: options.partitionAware ? [{ type: 'PARTITION_AWARE' }] : [],
      },
    },
  );
  driver.start();
  return { driver, offers, statuses };
}

const events = (cluster: SimulatedCluster, from = 0) =>
  cluster.events.slice(from).map((e) => e.event);

test('partition: TASK_UNREACHABLE for partition-aware frameworks, TASK_LOST otherwise, then slaveLost', async () => {
  for (const [partitionAware, state] of [
    [true, 'TASK_UNREACHABLE'],
    [false, 'TASK_LOST'],
  ] as const) {
    const cluster = new SimulatedCluster();
    const { driver, statuses } = launcher(cluster, { partitionAware });
    await cluster.advance('1s');
    const before = cluster.events.length;
    cluster.partitionAgent(cluster.agents()[0].id);
    await cluster.advance(0);
    expect(events(cluster, before)).toEqual(['statusUpdate', 'slaveLost']);
    expect(statuses.at(-1)).toEqual(
      expect.objectContaining({ state, reason: 'REASON_SLAVE_REMOVED', source: 'SOURCE_MASTER' }),
    );
    driver.reconcileTasks([
      { taskId: { value: 't' }, state: 'TASK_RUNNING', slaveId: { value: cluster.agents()[0].id } },
    ]);
    await cluster.advance(0);
    expect(statuses.at(-1)).toEqual(
      expect.objectContaining({ state, message: 'Reconciliation: Task is unreachable' }),
    );
    driver.stop();
    await driver.join();
  }
});

test('executor lost: its task fails (REASON_EXECUTOR_TERMINATED), then executorLost with the status', async () => {
  const cluster = new SimulatedCluster();
  const lost: unknown[] = [];
  const { driver, statuses } = launcher(cluster, { executor: true });
  await cluster.advance('1s');
  cluster.loseExecutor('e', { status: 9 });
  await cluster.advance(0);
  expect(statuses.at(-1)).toEqual(
    expect.objectContaining({
      state: 'TASK_FAILED',
      reason: 'REASON_EXECUTOR_TERMINATED',
      source: 'SOURCE_SLAVE',
    }),
  );
  const last = cluster.events.at(-1)!;
  lost.push(last.event, (last.args[0] as { value: string }).value, last.args[2]);
  expect(lost).toEqual(['executorLost', 'e', 9]);
  driver.stop();
  await driver.join();
});

test('master failover: disconnected, then registered again; unacknowledged updates come again; launches while away are lost', async () => {
  const cluster = new SimulatedCluster();
  const { driver, offers, statuses } = launcher(cluster);
  await cluster.advance(0);
  const before = cluster.events.length;
  cluster.failoverMaster({ downFor: '5s' });
  await cluster.advance(0);
  expect(events(cluster, before)).toEqual(['disconnected']);
  driver.launchTasks(offers[0].id, [
    {
      name: 'x',
      taskId: { value: 'x' },
      slaveId: offers[0].slaveId,
      resources: [scalar('cpus', 1)],
      command: { value: 'true' },
    },
  ]);
  await cluster.advance('1s');
  expect(statuses.at(-1)).toEqual(
    expect.objectContaining({
      state: 'TASK_LOST',
      reason: 'REASON_MASTER_DISCONNECTED',
      message: 'Master disconnected',
    }),
  );
  await cluster.advance('5s');
  expect(events(cluster, before).slice(0, 3)).toEqual([
    'disconnected',
    'statusUpdate',
    'registered',
  ]);
  expect(cluster.statesOf('t').at(-1)).toBe('TASK_RUNNING');
  driver.stop();
  await driver.join();
});

test('a driver started while no master leads registers once one does', async () => {
  const cluster = new SimulatedCluster();
  cluster.failoverMaster({ downFor: '5s' });
  await cluster.advance('1s');
  const offered: number[] = [];
  const driver = cluster.schedulerDriver(
    {
      resourceOffers(d, batch) {
        offered.push(cluster.now);
        for (const offer of batch) d.declineOffer(offer.id, filters(3600));
      },
    },
    { framework },
  );
  driver.start();
  await cluster.advance('2s');
  expect(cluster.events.map((e) => e.event)).toEqual([]);
  await cluster.advance('3s');
  expect(cluster.events.map((e) => e.event).slice(0, 2)).toEqual(['registered', 'resourceOffers']);
  expect(offered[0]).toBe(5000);
  driver.stop();
  await driver.join();
});

test('a broken scheduler connection: disconnected, its offers gone, then reregistered and offered again', async () => {
  const cluster = new SimulatedCluster();
  const trace: string[] = [];
  const driver = cluster.schedulerDriver(
    {
      registered: () => void trace.push('registered'),
      reregistered: () => void trace.push('reregistered'),
      disconnected: () => void trace.push('disconnected'),
      resourceOffers: () => void trace.push('offers'),
    },
    { framework },
  );
  driver.start();
  await cluster.advance(0);
  cluster.disconnectScheduler({ downFor: '3s' });
  await cluster.advance('2s');
  expect(cluster.outstandingOffers()).toEqual([]);
  await cluster.advance('1s');
  expect(trace).toEqual(['registered', 'offers', 'disconnected', 'reregistered', 'offers']);
  driver.stop();
  await driver.join();
});

test('offer rescinded, and a framework removed by the master (error, the driver aborts)', async () => {
  const cluster = new SimulatedCluster();
  const errors: string[] = [];
  const rescinded: string[] = [];
  const driver = cluster.schedulerDriver(
    {
      offerRescinded(_d, id) {
        rescinded.push(id.value);
      },
      error(_d, message) {
        errors.push(message);
      },
    },
    { framework },
  );
  driver.start();
  await cluster.advance(0);
  const [offer] = cluster.outstandingOffers();
  expect(cluster.rescindOffer()).toEqual([offer.id]);
  await cluster.advance(0);
  expect(rescinded).toEqual([offer.id]);
  const joined = driver.join();
  cluster.removeFramework();
  await cluster.advance(0);
  expect(errors).toEqual(['Framework has been removed']);
  expect(await joined).toBe('DRIVER_ABORTED');
});

test('framework messages both ways', async () => {
  const cluster = new SimulatedCluster();
  const received: string[] = [];
  const { driver } = launcher(cluster, { executor: true });
  const agentId = cluster.agents()[0].id;
  await cluster.advance('1s');
  driver.sendFrameworkMessage({ value: 'e' }, { value: agentId }, Buffer.from('ping'));
  await cluster.advance(0);
  expect(cluster.executorMessages.map((m) => Buffer.from(m.data).toString())).toEqual(['ping']);
  cluster.sendFromExecutor('e', agentId, Buffer.from('pong'));
  await cluster.advance(0);
  const last = cluster.events.at(-1)!;
  received.push(last.event, Buffer.from(last.args[2] as Uint8Array).toString());
  expect(received).toEqual(['frameworkMessage', 'pong']);
  driver.stop();
  await driver.join();
});
