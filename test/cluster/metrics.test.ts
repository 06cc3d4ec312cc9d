import * as os from 'os';
import { v1 } from '../../src';
import { MesosSchedulerDriver } from '../../src/scheduler/scheduler-driver';
import { describeWithMesos } from '../support/mesos';
import { eventually, useLocalCluster } from '../support/cluster';
import { launchCommandOnce, Recorder } from '../support/recorder';
import { takeV1, V1Recorder } from '../support/v1-recorder';

const count = (items: string[]) =>
  items.reduce<Record<string, number>>((counts, item) => {
    counts[item] = (counts[item] ?? 0) + 1;
    return counts;
  }, {});

describeWithMesos('driver metrics on a real cluster', () => {
  const cluster = useLocalCluster();

  test('the scheduler driver’s counts match the events its handler saw', async () => {
    const recorder = new Recorder();
    const handled: string[] = [];
    for (const name of ['registered', 'resourceOffers', 'statusUpdate'] as const) {
      const original = recorder[name].bind(recorder) as (...args: never[]) => void;
      (recorder as unknown as Record<string, unknown>)[name] = (...args: never[]) => {
        handled.push(name);
        original(...args);
      };
    }
    launchCommandOnce(recorder, 'metrics', 'metrics-task', 'true');
    const driver = new MesosSchedulerDriver(recorder, {
      framework: { user: '', name: 'metrics test' },
      master: cluster().master,
    });
    driver.start();
    await recorder.until('TASK_FINISHED', () =>
      recorder.statesOf('metrics-task').includes('TASK_FINISHED'),
    );
    const m = driver.metrics();
    expect(m.state).toBe('DRIVER_RUNNING');
    expect(m.events).toEqual(count(handled));
    expect(m.updates).toEqual(count(recorder.statuses.map((s) => s.state)));
    expect(m.offers.received).toBe(recorder.offers.length);
    expect(m.offers.used).toBe(1);
    expect(m.offers.declined).toBe(recorder.offers.length - 1);
    expect(m.calls.launchTasks).toEqual({ DRIVER_RUNNING: 1 });
    expect(m.handlerSeconds.count).toBe(handled.length);
    // Implicit acknowledgements: libmesos's thread waited for each update's handler (the
    // last wait is counted once that thread resumes, just after the handler returned).
    await eventually(
      'a libmesos wait counted for each update',
      () => driver.metrics().libmesosWait.count === recorder.statuses.length,
    );
    expect(driver.metrics().libmesosWait.count).toBe(recorder.statuses.length);
    expect(m.libmesosWait.seconds).toBeGreaterThan(0);
    expect(m.queued.now).toBe(0);
    expect(m.queued.max).toBeGreaterThanOrEqual(1);
    driver.stop();
    await driver.join();
    expect(driver.metrics().state).toBe('DRIVER_STOPPED');
  }, 60_000);

  for (const [name, make] of [
    ['V1Mesos', (recorder: V1Recorder, master: string) => new v1.V1Mesos(recorder, { master })],
    [
      'V0Mesos',
      (recorder: V1Recorder, master: string) =>
        new v1.V0Mesos(recorder, { framework: recorder.framework, master }),
    ],
  ] as const) {
    test(`${name}: counts match the events its handler saw, calls by type`, async () => {
      const recorder = new V1Recorder({
        user: os.userInfo().username,
        name: `metrics ${name}`,
        roles: ['*'],
        capabilities: [{ type: 'MULTI_ROLE' as const }],
      });
      const mesos = make(recorder, cluster().master);
      let tornDown = false;
      try {
        const offers = await recorder.next('OFFERS');
        const offer = offers.offers!.offers[0];
        mesos.send({
          type: 'ACCEPT',
          frameworkId: recorder.frameworkId,
          accept: {
            offerIds: [offer.id],
            operations: [
              {
                type: 'LAUNCH',
                launch: {
                  taskInfos: [
                    {
                      name: 't',
                      taskId: { value: 't' },
                      agentId: offer.agentId,
                      resources: takeV1(offer.resources, { cpus: 0.1, mem: 32 }).taken,
                      command: { value: 'true' },
                    },
                  ],
                },
              },
            ],
          },
        });
        // Each update is sent once the one before was acknowledged.
        for (const state of ['TASK_STARTING', 'TASK_RUNNING', 'TASK_FINISHED'] as const) {
          recorder.acknowledge(await recorder.update('t', state));
        }
        const m = mesos.metrics();
        expect(m.state).toBe(name === 'V1Mesos' ? 'subscribed' : 'DRIVER_RUNNING');
        expect(m.events).toEqual(count(recorder.log));
        const updates = recorder.events.filter((e) => e.type === 'UPDATE');
        expect(m.updates).toEqual(count(updates.map((e) => e.update!.status.state)));
        const offered = recorder.events
          .filter((e) => e.type === 'OFFERS')
          .reduce((n, e) => n + e.offers!.offers.length, 0);
        expect(m.offers.received).toBe(offered);
        expect(m.offers.used).toBe(1);
        expect(m.calls.SUBSCRIBE).toEqual({ sent: 1 });
        expect(m.calls.ACCEPT).toEqual({ sent: 1 });
        expect(m.calls.ACKNOWLEDGE).toEqual({ sent: 3 });
        expect(m.handlerSeconds.count).toBe(recorder.log.length);
        if (name === 'V1Mesos') {
          // Resolved even when the master closes the connection before its answer.
          await (mesos as v1.V1Mesos).call({ type: 'TEARDOWN', frameworkId: recorder.frameworkId });
          expect(mesos.metrics().calls.TEARDOWN).toEqual({ answered: 1 });
        } else {
          mesos.send({ type: 'TEARDOWN', frameworkId: recorder.frameworkId });
        }
        tornDown = true;
      } finally {
        // A framework left registered would keep the agent's resources from the next test.
        const state = mesos.metrics().state;
        if (!tornDown && (state === 'subscribed' || state === 'DRIVER_RUNNING')) {
          mesos.send({ type: 'TEARDOWN', frameworkId: recorder.frameworkId });
        }
        await mesos.close();
      }
    }, 60_000);
  }
});
