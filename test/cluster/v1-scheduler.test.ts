import * as os from 'os';
import { v1, type Input } from '../../src';
import { describeWithMesos } from '../support/mesos';
import { useLocalCluster } from '../support/cluster';
import { takeV1, V1Recorder } from '../support/v1-recorder';

const FRAMEWORK = {
  user: os.userInfo().username,
  name: 'v1 scheduler test',
  roles: ['*'],
  capabilities: [{ type: 'MULTI_ROLE' as const }],
};

/** Which implementation of the v1 interface a suite runs on. */
const IMPLEMENTATIONS: [string, (scheduler: v1.Scheduler, master: string) => v1.Mesos][] = [
  ['V1Mesos', (scheduler, master) => new v1.V1Mesos(scheduler, { master })],
];

// After Mesos's scheduler_tests.cpp (SchedulerTest.*), for each implementation.
describeWithMesos('v1 scheduler API', () => {
  const cluster = useLocalCluster();

  describe.each(IMPLEMENTATIONS)('%s', (_name, create) => {
    let mesos: v1.Mesos | undefined;
    const start = (framework: Input<v1.FrameworkInfo> = FRAMEWORK) => {
      const recorder = new V1Recorder(framework);
      mesos = create(recorder, cluster().master);
      return { recorder, mesos };
    };
    afterEach(async () => {
      await mesos?.close();
      mesos = undefined;
    });

    // SchedulerTest.Subscribe
    test('Subscribe: connected, then SUBSCRIBED with a framework id and a heartbeat interval', async () => {
      const { recorder } = start();
      const subscribed = (await recorder.next('SUBSCRIBED')).subscribed!;
      expect(subscribed.frameworkId.value).toMatch(/.+-\d{4}$/);
      expect(subscribed.heartbeatIntervalSeconds).toBeGreaterThan(0);
      expect(recorder.log.slice(0, 2)).toEqual(['connected', 'SUBSCRIBED']);
    }, 60_000);

    // SchedulerTest.TaskRunning
    test('TaskRunning: an offer, a LAUNCH, RUNNING and FINISHED updates acknowledged', async () => {
      const { recorder, mesos } = start();
      await recorder.next('SUBSCRIBED');
      const offer = (await recorder.next('OFFERS')).offers!.offers[0];
      expect(offer.agentId.value).toBe(cluster().agentId);
      const resources = takeV1(offer.resources, { cpus: 0.1, mem: 32 }).taken;
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
                    name: 'task',
                    taskId: { value: 'task-1' },
                    agentId: offer.agentId,
                    resources,
                    command: { value: 'sleep 1' },
                  },
                ],
              },
            },
          ],
          filters: { refuseSeconds: 1 },
        },
      });
      // The agent sends the next update of a task once the previous one is acknowledged.
      recorder.acknowledge(await recorder.update('task-1', 'TASK_STARTING'));
      const running = await recorder.update('task-1', 'TASK_RUNNING');
      expect(running.agentId).toEqual(offer.agentId);
      expect(running.uuid).toBeDefined();
      recorder.acknowledge(running);
      const finished = await recorder.update('task-1', 'TASK_FINISHED');
      recorder.acknowledge(finished);
      // Acknowledged updates are not sent again (the agent would retry within 10 seconds).
      await new Promise((resolve) => setTimeout(resolve, 11_000));
      const again = recorder.events.filter(
        (e) => e.type === 'UPDATE' && e.update!.status.state === 'TASK_FINISHED',
      );
      expect(again).toHaveLength(1);
    }, 60_000);

    // SchedulerTest.Decline
    test('Decline: a declined offer comes back once its filter expires', async () => {
      const { recorder, mesos } = start();
      await recorder.next('SUBSCRIBED');
      const first = (await recorder.next('OFFERS')).offers!.offers[0];
      mesos.send({
        type: 'DECLINE',
        frameworkId: recorder.frameworkId,
        decline: { offerIds: [first.id], filters: { refuseSeconds: 1 } },
      });
      const second = (await recorder.next('OFFERS')).offers!.offers[0];
      expect(second.id).not.toEqual(first.id);
      expect(second.agentId).toEqual(first.agentId);
    }, 60_000);
  });
});
