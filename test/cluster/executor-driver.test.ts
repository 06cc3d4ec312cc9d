import * as path from 'path';
import { executorCommand } from '../../src/executor/executor-command';
import { executorInfo, scalar, takeResources, taskInfo } from '../../src/helpers';
import type { Offer, TaskStatus } from '../../src/messages';
import { MesosSchedulerDriver } from '../../src/scheduler/scheduler-driver';
import { Status } from '../../src/status';
import { describeWithMesos } from '../support/mesos';
import {
  eventually,
  processesMatching,
  readLines,
  tempFile,
  useLocalCluster,
} from '../support/cluster';

const EXECUTOR_SCRIPT = path.join(__dirname, 'fixtures', 'test-executor.js');

describeWithMesos('a TypeScript executor started by a real agent', () => {
  const cluster = useLocalCluster();

  test('registered, launchTask, RUNNING then FINISHED or FAILED, killTask, messages both ways, shutdown, nothing left', async () => {
    const events = tempFile('executor-events');
    const states = new Map<string, string[]>();
    const messages: string[] = [];
    let launched = false;
    let pinged = false;
    const executor = executorInfo({
      executorId: { value: 'ts-executor' },
      command: executorCommand(EXECUTOR_SCRIPT, { environment: { EVENTS_FILE: events } }),
      resources: [scalar('cpus', 0.1), scalar('mem', 32)],
    });
    const task = (name: string, offer: Offer) =>
      taskInfo({
        name,
        taskId: { value: name },
        agentId: offer.slaveId,
        resources: [scalar('cpus', 0.1), scalar('mem', 16)],
        executor,
        data: Buffer.from(name),
      });
    const driver = new MesosSchedulerDriver(
      {
        resourceOffers(d, offers) {
          for (const offer of offers) {
            if (launched || !takeResources(offer.resources, { cpus: 0.4, mem: 80 })) {
              d.declineOffer(offer.id);
              continue;
            }
            launched = true;
            d.launchTasks(
              [offer.id],
              [task('finish', offer), task('fail', offer), task('hang', offer)],
            );
          }
        },
        statusUpdate(d, status: TaskStatus) {
          const list = states.get(status.taskId.value) ?? [];
          list.push(status.state);
          states.set(status.taskId.value, list);
          if (status.taskId.value === 'hang' && status.state === 'TASK_RUNNING')
            d.killTask({ value: 'hang' });
          if (!pinged && status.state === 'TASK_RUNNING' && status.slaveId) {
            pinged = true;
            d.sendFrameworkMessage({ value: 'ts-executor' }, status.slaveId, Buffer.from('ping'));
          }
        },
        frameworkMessage(_d, executorId, _slaveId, data) {
          messages.push(`${executorId.value}: ${Buffer.from(data).toString()}`);
        },
      },
      { framework: { user: '', name: 'executor test' }, master: cluster().master },
    );
    expect(driver.start()).toBe(Status.DRIVER_RUNNING);
    await eventually(
      'three tasks to end and the echo',
      () =>
        ['finish', 'fail', 'hang'].every((t) => (states.get(t) ?? []).length >= 2) &&
        messages.some((m) => m.includes('echo:ping')),
    );
    expect(states.get('finish')).toEqual(['TASK_RUNNING', 'TASK_FINISHED']);
    expect(states.get('fail')).toEqual(['TASK_RUNNING', 'TASK_FAILED']);
    expect(states.get('hang')).toEqual(['TASK_RUNNING', 'TASK_KILLED']);
    expect(messages).toEqual(
      expect.arrayContaining(['ts-executor: started finish', 'ts-executor: echo:ping']),
    );
    expect(driver.stop()).toBe(Status.DRIVER_STOPPED);
    await expect(driver.join()).resolves.toBe(Status.DRIVER_STOPPED);
    await eventually('the executor to shut down and exit', () =>
      readLines(events).some((l) => l.startsWith('exited')),
    );
    const lines = readLines(events);
    expect(lines[0]).toBe('registered ts-executor');
    expect(lines).toEqual(
      expect.arrayContaining([
        'launchTask finish finish',
        'launchTask fail fail',
        'launchTask hang hang',
        'killTask hang',
        'frameworkMessage ping',
        'shutdown',
        'exited DRIVER_STOPPED',
      ]),
    );
    expect(await processesMatching('test-executor.js')).toEqual([]);
  }, 120_000);
});
