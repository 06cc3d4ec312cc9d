import { filters, scalar, type Offer, type SchedulerDriver, type TaskStatus } from 'mesos-napi';
import { runsFor, SimulatedCluster } from 'mesos-napi/testing';

const framework = { user: 'tester', name: 'kit test' };
const task = (id: string, offer: Offer, fields: Record<string, unknown> = {}) => ({
  name: id,
  taskId: { value: id },
  slaveId: offer.slaveId,
  resources: [scalar('cpus', 1), scalar('mem', 128)],
  command: { value: 'true' },
  ...fields,
});

/** Runs `onFirst` on the first offer, declines later ones for an hour. */
function start(
  cluster: SimulatedCluster,
  onFirst: (driver: SchedulerDriver, offer: Offer) => void,
  options: {
    implicitAcknowledgements?: boolean;
    capabilities?: { type: 'PARTITION_AWARE' }[];
  } = {},
) {
  let first = true;
  const statuses: TaskStatus[] = [];
  const driver = cluster.schedulerDriver(
    {
      resourceOffers(d, offers) {
        for (const offer of offers) {
          if (first) onFirst(d, offer);
          else d.declineOffer(offer.id, filters(3600));
          first = false;
        }
      },
      statusUpdate(_d, status) {
        statuses.push(status);
      },
    },
    {
      framework: { ...framework, capabilities: options.capabilities },
      implicitAcknowledgements: options.implicitAcknowledgements,
    },
  );
  driver.start();
  return { driver, statuses };
}

test('the master’s checks: TASK_ERROR with REASON_TASK_INVALID and Mesos’s messages', async () => {
  const cluster = new SimulatedCluster({ agents: [{ resources: 'cpus:2;mem:1024' }] });
  const { driver, statuses } = start(cluster, (d, offer) =>
    d.launchTasks(offer.id, [
      task('big', offer, { resources: [scalar('cpus', 3)] }),
      task('ok', offer),
      task('ok', offer),
      task('neither', offer, { command: undefined }),
      task('wrong-agent', offer, { slaveId: { value: 'nope' } }),
      task('none', offer, { resources: [] }),
    ]),
  );
  await cluster.advance(0);
  const byTask = (id: string) => statuses.filter((s) => s.taskId.value === id);
  for (const id of ['big', 'neither', 'wrong-agent', 'none']) {
    expect(byTask(id)).toEqual([
      expect.objectContaining({
        state: 'TASK_ERROR',
        reason: 'REASON_TASK_INVALID',
        source: 'SOURCE_MASTER',
      }),
    ]);
    expect(byTask(id)[0].uuid).toBeUndefined();
  }
  expect(byTask('big')[0].message).toMatch(
    /^Total resources cpus\(allocated: \*\):3 required by task and its executor is more than available/,
  );
  expect(byTask('ok').map((s) => s.state)).toEqual(['TASK_ERROR', 'TASK_STARTING', 'TASK_RUNNING']);
  expect(byTask('ok')[0].message).toBe('Task has duplicate ID: ok');
  expect(byTask('neither')[0].message).toBe(
    'Task should have at least one (but not both) of CommandInfo or ExecutorInfo present',
  );
  expect(byTask('wrong-agent')[0].message).toMatch(
    /^Task uses invalid agent nope while agent .* is expected$/,
  );
  expect(byTask('none')[0].message).toBe('Task uses no resources');
  driver.stop();
  await driver.join();
});

test('an unknown offer: TASK_LOST (TASK_DROPPED when partition-aware), REASON_INVALID_OFFERS', async () => {
  for (const [capabilities, state] of [
    [undefined, 'TASK_LOST'],
    [[{ type: 'PARTITION_AWARE' as const }], 'TASK_DROPPED'],
  ] as const) {
    const cluster = new SimulatedCluster();
    const { driver, statuses } = start(
      cluster,
      (d, offer) => {
        d.declineOffer(offer.id);
        d.launchTasks(offer.id, [task('late', offer)]);
      },
      { capabilities: capabilities ? [...capabilities] : undefined },
    );
    await cluster.advance(0);
    expect(statuses).toEqual([
      expect.objectContaining({
        state,
        reason: 'REASON_INVALID_OFFERS',
        message: expect.stringMatching(
          /^Task launched with invalid offers: Offer .*-O0 is no longer valid$/,
        ),
      }),
    ]);
    driver.stop();
    await driver.join();
  }
});

test('scripted lifetimes on the virtual clock; kill; an hour in milliseconds', async () => {
  const cluster = new SimulatedCluster().onLaunch(runsFor('30m'));
  cluster.scriptTask('crash', {
    steps: [{ state: 'TASK_RUNNING' }, { after: '10s', state: 'TASK_FAILED', message: 'boom' }],
  });
  const { driver, statuses } = start(cluster, (d, offer) =>
    d.launchTasks(offer.id, [task('long', offer), task('crash', offer), task('killed', offer)]),
  );
  const began = Date.now();
  await cluster.advance('1s');
  driver.killTask({ value: 'killed' });
  await cluster.advance('1h');
  expect(Date.now() - began).toBeLessThan(1000);
  expect(cluster.statesOf('crash')).toEqual(['TASK_RUNNING', 'TASK_FAILED']);
  expect(cluster.statesOf('killed')).toEqual(['TASK_STARTING', 'TASK_RUNNING', 'TASK_KILLED']);
  expect(cluster.statesOf('long')).toEqual(['TASK_STARTING', 'TASK_RUNNING', 'TASK_FINISHED']);
  const finished = cluster.events.find(
    (e) => e.event === 'statusUpdate' && (e.args[0] as TaskStatus).state === 'TASK_FINISHED',
  );
  expect(finished?.at).toBe(30 * 60_000);
  expect(statuses.find((s) => s.state === 'TASK_FAILED')?.message).toBe('boom');
  expect(cluster.tasks()).toEqual([]);
  driver.stop();
  await driver.join();
});

test('explicit acknowledgements: the next update waits; unacknowledged ones come again after 10 s, 20 s, …', async () => {
  const cluster = new SimulatedCluster().onLaunch(runsFor('5s'));
  const { driver, statuses } = start(
    cluster,
    (d, offer) => d.launchTasks(offer.id, [task('t', offer)]),
    {
      implicitAcknowledgements: false,
    },
  );
  await cluster.advance('35s');
  // TASK_STARTING at 0, again at 10 s and 30 s; nothing after it while it is not acknowledged.
  expect(cluster.events.filter((e) => e.event === 'statusUpdate').map((e) => e.at)).toEqual([
    0, 10000, 30000,
  ]);
  expect(statuses.map((s) => s.state)).toEqual(['TASK_STARTING', 'TASK_STARTING', 'TASK_STARTING']);
  expect(new Set(statuses.map((s) => Buffer.from(s.uuid!).toString('hex'))).size).toBe(1);
  driver.acknowledgeStatusUpdate(statuses[0]);
  await cluster.advance(0);
  expect(statuses.at(-1)?.state).toBe('TASK_RUNNING');
  driver.acknowledgeStatusUpdate(statuses.at(-1)!);
  await cluster.advance(0);
  expect(statuses.at(-1)?.state).toBe('TASK_FINISHED');
  // Known until its terminal update is acknowledged.
  expect(cluster.tasks().map((t) => t.state)).toEqual(['TASK_FINISHED']);
  driver.acknowledgeStatusUpdate(statuses.at(-1)!);
  await cluster.advance(0);
  expect(cluster.tasks()).toEqual([]);
  driver.stop();
  await driver.join();
});

test('implicit acknowledgements wait for an async handler; a throwing handler aborts the driver', async () => {
  const cluster = new SimulatedCluster();
  const seen: string[] = [];
  let launched = false;
  const driver = cluster.schedulerDriver(
    {
      resourceOffers(d, offers) {
        for (const offer of offers) {
          if (launched) d.declineOffer(offer.id, filters(3600));
          else d.launchTasks(offer.id, [task('t', offer)]);
          launched = true;
        }
      },
      async statusUpdate(_d, status) {
        await new Promise((resolve) => setTimeout(resolve, 5));
        seen.push(status.state);
        if (status.state === 'TASK_RUNNING') throw new Error('handler failed');
      },
    },
    { framework },
  );
  driver.start();
  const joined = driver.join();
  await cluster.advance('1s');
  expect(seen).toEqual(['TASK_STARTING', 'TASK_RUNNING']);
  await expect(joined).rejects.toThrow('handler failed');
  expect(cluster.calls.map((c) => c.method)).toEqual(['launchTasks', 'abort']);
});

test('reconciliation answers as the master does', async () => {
  const cluster = new SimulatedCluster();
  const { driver, statuses } = start(cluster, (d, offer) =>
    d.launchTasks(offer.id, [task('t', offer)]),
  );
  await cluster.advance('1s');
  const agentId = cluster.agents()[0].id;
  statuses.length = 0;
  driver.reconcileTasks([]);
  await cluster.advance(0);
  expect(statuses).toEqual([
    expect.objectContaining({
      taskId: { value: 't' },
      state: 'TASK_RUNNING',
      reason: 'REASON_RECONCILIATION',
      message: 'Reconciliation: Latest task state',
      source: 'SOURCE_MASTER',
    }),
  ]);
  statuses.length = 0;
  driver.reconcileTasks([
    { taskId: { value: 't' }, state: 'TASK_STAGING' },
    { taskId: { value: 'gone' }, state: 'TASK_RUNNING', slaveId: { value: agentId } },
    { taskId: { value: 'nowhere' }, state: 'TASK_RUNNING' },
  ]);
  await cluster.advance(0);
  expect(statuses.map((s) => [s.taskId.value, s.state, s.message])).toEqual([
    ['t', 'TASK_RUNNING', 'Reconciliation: Latest task state'],
    ['gone', 'TASK_LOST', 'Reconciliation: Task is unknown to the agent'],
    ['nowhere', 'TASK_LOST', 'Reconciliation: Task is unknown'],
  ]);
  driver.stop();
  await driver.join();
});

test('a command task’s updates carry its container’s status; TASK_FINISHED says how the command exited', async () => {
  const cluster = new SimulatedCluster({ agents: [{ resources: 'cpus:2;mem:1024' }] }).onLaunch(
    runsFor('1s'),
  );
  const { statuses } = start(cluster, (d, offer) => d.launchTasks(offer.id, [task('t', offer)]));
  await cluster.advance('2s');
  expect(statuses.map((s) => [s.state, s.message])).toEqual([
    ['TASK_STARTING', undefined],
    ['TASK_RUNNING', undefined],
    ['TASK_FINISHED', 'Command exited with status 0'],
  ]);
  const containers = statuses.map((s) => s.containerStatus);
  expect(containers[0]?.containerId?.value).toMatch(/^[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}$/);
  expect(containers[0]?.networkInfos[0].ipAddresses).toEqual([{ ipAddress: '127.0.0.1' }]);
  expect(containers).toEqual([containers[0], containers[0], containers[0]]);
});
