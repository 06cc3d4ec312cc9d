import { failsAtOnce, runsFor } from 'mesos-napi/testing';
import { agents, cluster, liveTasks, pod, runService, service } from './harness';

const instanceOf = (taskId: string) => taskId.split('.')[1];

test('a crash loop backs off as the policy says, capped, and starts afresh after a healthy period', async () => {
  const c = cluster();
  const restart = {
    backoffSeconds: 2,
    backoffFactor: 2,
    maxLaunchDelaySeconds: 10,
    resetAfterSeconds: 60,
  };
  // The first six launches fail at once; the seventh runs for 100 s, then fails too.
  let launches = 0;
  c.onLaunch((task, agent) =>
    ++launches <= 6 ? failsAtOnce()(task, agent) : runsFor('100s', 'TASK_FAILED')(task, agent),
  );
  const { scheduler, driver } = runService(c, service(pod('api', 1, { restart })));
  await c.advance('150s');
  const times = c.launched.map((l) => l.at);
  expect(times).toHaveLength(8);
  // Each failure came at its launch: the gaps are the delays 2, 4, 8, 10, 10, 10 s (plus at
  // most one allocation interval); then 100 s of running, which resets the count: 2 s.
  const gaps = times.slice(1).map((t, i) => t - times[i]);
  const expected = [2000, 4000, 8000, 10000, 10000, 10000, 102000];
  gaps.forEach((gap, i) => {
    expect(gap).toBeGreaterThanOrEqual(expected[i]);
    expect(gap).toBeLessThanOrEqual(expected[i] + 1000);
  });
  const instance = scheduler.status().pods[0].instanceList[0];
  expect(instance.launches).toBe(8);
  // Reset, then this failure: the first of a new run.
  expect(instance.failures).toBe(1);
  const delays = instance.history.filter((h) => h.event === 'delayed').map((h) => h.delaySeconds);
  expect(delays).toEqual([2, 4, 8, 10, 10, 10, 2]);
  expect(instance.history.filter((h) => h.event === 'ended').map((h) => h.state)).toEqual(
    Array(7).fill('TASK_FAILED'),
  );
  // While it waited out a delay, offers were suppressed; each delay's end revived them.
  const calls = c.calls.map((call) => call.method).filter((m) => /Offers$/.test(m));
  expect(calls.filter((m) => m === 'suppressOffers').length).toBeGreaterThanOrEqual(7);
  expect(calls.filter((m) => m === 'reviveOffers').length).toBeGreaterThanOrEqual(7);
  driver.stop();
  scheduler.close();
});

test('on-failure restarts a failed task but not a finished one; never does not restart at all', async () => {
  const c = cluster();
  c.onLaunch((task, agent) => {
    const id = instanceOf(task.taskId.value);
    if (id === 'batch-0') return runsFor('5s', 'TASK_FINISHED')(task, agent);
    if (id === 'batch-1' && task.taskId.value.split('.')[2].startsWith('1-')) {
      return runsFor('5s', 'TASK_FAILED')(task, agent);
    }
    if (id === 'once-0') return runsFor('5s', 'TASK_FAILED')(task, agent);
    return undefined;
  });
  const { scheduler, driver } = runService(
    c,
    service(
      pod('batch', 2, { restart: { policy: 'on-failure', backoffSeconds: 1 } }),
      pod('once', 1, { restart: { policy: 'never' } }),
    ),
  );
  await c.advance('30s');
  const byId = Object.fromEntries(
    scheduler.status().pods.flatMap((p) => p.instanceList.map((i) => [i.id, i])),
  );
  expect(byId['batch-0']).toMatchObject({ goal: 'done', launches: 1 });
  expect(byId['batch-0'].lastEnd).toMatchObject({ state: 'TASK_FINISHED' });
  expect(byId['batch-1']).toMatchObject({ goal: 'run', launches: 2, state: 'TASK_RUNNING' });
  expect(byId['once-0']).toMatchObject({ goal: 'done', launches: 1 });
  expect(liveTasks(c).map((t) => t.instance)).toEqual(['batch-1']);
  // Nothing waits: offers are suppressed, and the done instances are not replaced.
  expect(scheduler.status().suppressed).toBe(true);
  driver.stop();
  scheduler.close();
});

test('an agent lost: its instances start elsewhere at once, without counting a failure', async () => {
  const c = cluster({ agents: agents(3) });
  const { scheduler, driver, events } = runService(
    c,
    service(pod('web', 3, { constraints: [['hostname', 'UNIQUE']] })),
  );
  await c.advance('2s');
  expect(new Set(liveTasks(c).map((t) => t.agentId)).size).toBe(3);
  const lost = liveTasks(c)[0];
  c.loseAgent(lost.agentId);
  await c.advance('1s');
  const ended = events.find((e) => e.type === 'instance-ended');
  expect(ended).toMatchObject({ instance: lost.instance, state: 'TASK_LOST' });
  // UNIQUE hostname with one agent gone: two run, the third waits for another host.
  expect(liveTasks(c)).toHaveLength(2);
  const waiting = scheduler.status().pods[0].instanceList.find((i) => i.id === lost.instance)!;
  expect(waiting).toMatchObject({ failures: 0 });
  expect(waiting.delayUntil).toBeUndefined();
  expect(waiting.waitingFor).toMatch(/already has an instance \(UNIQUE\)/);
  c.addAgent({ hostname: 'agent-4' });
  await c.advance('6s');
  const now = liveTasks(c);
  expect(now).toHaveLength(3);
  expect(now.find((t) => t.instance === lost.instance)?.agentId).toBe(c.agents()[3].id);
  driver.stop();
  scheduler.close();
});
