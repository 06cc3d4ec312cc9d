import * as os from 'os';
import * as path from 'path';
import { executorCommand } from '../../src/executor/executor-command';
import { v1 } from '../../src';
import { describeWithMesos } from '../support/mesos';
import { processesMatching, readLines, tempFile, useLocalCluster } from '../support/cluster';
import { takeV1, V1Recorder } from '../support/v1-recorder';

const EXECUTOR_SCRIPT = path.join(__dirname, 'fixtures', 'v1-executor.js');
const FRAMEWORK = { user: os.userInfo().username, name: 'v1 executor test' };

// After Mesos's executor_http_api_tests.cpp and default_executor_tests.cpp, with a custom
// executor written on V1ExecutorMesos, driven by a V1Mesos scheduler.
describeWithMesos('v1 executor (V1ExecutorMesos) under a real agent', () => {
  const cluster = useLocalCluster();
  let mesos: v1.V1Mesos | undefined;
  afterEach(async () => {
    await mesos?.close();
    mesos = undefined;
  });

  async function offer(recorder: V1Recorder) {
    mesos = new v1.V1Mesos(recorder, { master: cluster().master });
    await recorder.next('SUBSCRIBED');
    return (await recorder.next('OFFERS')).offers!.offers[0];
  }

  function executor(recorder: V1Recorder, id: string, events: string, resources: unknown) {
    return {
      type: 'CUSTOM' as const,
      executorId: { value: id },
      frameworkId: recorder.frameworkId,
      command: executorCommand(EXECUTOR_SCRIPT, { environment: { EVENTS_FILE: events } }),
      resources: resources as v1.Resource[],
    };
  }

  /** Takes each update of the task in the given states, in order, acknowledging each. */
  async function expectStates(recorder: V1Recorder, taskId: string, states: v1.TaskState[]) {
    const statuses: v1.TaskStatus[] = [];
    for (const state of states) {
      const status = await recorder.update(taskId, state);
      recorder.acknowledge(status);
      statuses.push(status);
    }
    return statuses;
  }

  test('LAUNCH_GROUP to a custom v1 executor: every task runs and finishes, then the executor exits', async () => {
    const events = tempFile('v1-executor');
    const recorder = new V1Recorder(FRAMEWORK);
    const first = await offer(recorder);
    let left = first.resources;
    const take = (needs: Parameters<typeof takeV1>[1]) => {
      const got = takeV1(left, needs);
      left = got.remaining;
      return got.taken;
    };
    const task = (name: string) => ({
      name,
      taskId: { value: name },
      agentId: first.agentId,
      resources: take({ cpus: 0.1, mem: 32 }),
    });
    mesos!.send({
      type: 'ACCEPT',
      frameworkId: recorder.frameworkId,
      accept: {
        offerIds: [first.id],
        operations: [
          {
            type: 'LAUNCH_GROUP',
            launchGroup: {
              executor: executor(
                recorder,
                'v1-group',
                events,
                take({ cpus: 0.1, mem: 64, disk: 32 }),
              ),
              taskGroup: { tasks: [task('g1'), task('g2')] },
            },
          },
        ],
      },
    });
    for (const name of ['g1', 'g2']) {
      const [running, finished] = await expectStates(recorder, name, [
        'TASK_RUNNING',
        'TASK_FINISHED',
      ]);
      expect(running.source).toBe('SOURCE_EXECUTOR');
      expect(running.executorId).toEqual({ value: 'v1-group' });
      expect(finished.message).toBe('RUNNING was acknowledged');
    }
    await recorder.next('FAILURE', (e) => e.failure!.executorId?.value === 'v1-group');
    const lines = readLines(events);
    expect(lines.slice(0, 3)).toEqual(['connected', 'SUBSCRIBED v1-group', 'LAUNCH_GROUP g1,g2']);
    expect(lines).toContain('closing');
    expect(lines[lines.length - 1]).toBe('exit 0');
    expect(await processesMatching('v1-executor.js')).toEqual([]);
  }, 90_000);

  test('LAUNCH and KILL to a custom v1 executor', async () => {
    const events = tempFile('v1-executor');
    const recorder = new V1Recorder(FRAMEWORK);
    const first = await offer(recorder);
    const { taken, remaining } = takeV1(first.resources, { cpus: 0.1, mem: 32 });
    mesos!.send({
      type: 'ACCEPT',
      frameworkId: recorder.frameworkId,
      accept: {
        offerIds: [first.id],
        operations: [
          {
            type: 'LAUNCH',
            launch: {
              taskInfos: [
                {
                  name: 'hang',
                  taskId: { value: 'hang' },
                  agentId: first.agentId,
                  resources: taken,
                  executor: executor(
                    recorder,
                    'v1-single',
                    events,
                    takeV1(remaining, { cpus: 0.1, mem: 64 }).taken,
                  ),
                  data: Buffer.from('hang'),
                },
              ],
            },
          },
        ],
      },
    });
    await expectStates(recorder, 'hang', ['TASK_RUNNING']);
    mesos!.send({
      type: 'KILL',
      frameworkId: recorder.frameworkId,
      kill: { taskId: { value: 'hang' }, agentId: first.agentId },
    });
    await expectStates(recorder, 'hang', ['TASK_KILLED']);
    await recorder.next('FAILURE', (e) => e.failure!.executorId?.value === 'v1-single');
    const lines = readLines(events);
    expect(lines.slice(0, 3)).toEqual(['connected', 'SUBSCRIBED v1-single', 'LAUNCH hang']);
    expect(lines).toContain('KILL hang');
    expect(lines[lines.length - 1]).toBe('exit 0');
  }, 90_000);
});
