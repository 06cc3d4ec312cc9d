import { spawnSync } from 'child_process';
import * as path from 'path';
import { startLocalCluster } from '../../src/cluster';
import { executorCommand } from '../../src/executor/executor-command';
import { executorInfo, scalar, taskInfo } from '../../src/helpers';
import { MesosSchedulerDriver } from '../../src/scheduler/scheduler-driver';
import { describeWithMesos } from '../support/mesos';
import { launchCommandOnce, launchOnce, Recorder } from '../support/recorder';
import { readLines, tempFile } from '../support/cluster';

const EXECUTOR_SCRIPT = path.join(__dirname, 'fixtures', 'test-executor.js');

describeWithMesos('faults (after fault_tolerance_tests.cpp)', () => {
  test('the executor process is killed: executorLost and a terminal update for its task', async () => {
    const cluster = await startLocalCluster({});
    try {
      const recorder = new Recorder();
      const lost: string[] = [];
      recorder.executorLost = () => void lost.push('executorLost');
      launchOnce(recorder, (offer) =>
        taskInfo({
          name: 'hang',
          taskId: { value: 'hang' },
          agentId: offer.slaveId,
          resources: [scalar('cpus', 0.1), scalar('mem', 16)],
          data: Buffer.from('hang'),
          executor: executorInfo({
            executorId: { value: 'doomed' },
            command: executorCommand(EXECUTOR_SCRIPT, {
              environment: { EVENTS_FILE: tempFile('doomed') },
            }),
            resources: [scalar('cpus', 0.1), scalar('mem', 32)],
          }),
        }),
      );
      const driver = new MesosSchedulerDriver(recorder, {
        framework: { user: '', name: 'executor lost' },
        master: cluster.master,
      });
      driver.start();
      await recorder.until('the task to run', () =>
        recorder.statesOf('hang').includes('TASK_RUNNING'),
      );
      spawnSync('pkill', ['-KILL', '-f', 'fixtures/test-executor.js']);
      await recorder.until(
        'executorLost and a terminal update',
        () => lost.length > 0 && recorder.statesOf('hang').length >= 2,
      );
      const terminal = recorder.statuses.filter((s) => s.taskId.value === 'hang').pop()!;
      expect(terminal.state).toBe('TASK_FAILED');
      expect(terminal.reason).toBe('REASON_EXECUTOR_TERMINATED');
      driver.stop();
      await driver.join();
    } finally {
      await cluster.stop();
    }
  }, 90_000);

  test('the agent is killed: slaveLost', async () => {
    const cluster = await startLocalCluster({
      masterFlags: ['--agent_ping_timeout=1secs', '--max_agent_ping_timeouts=2'],
    });
    try {
      const recorder = new Recorder();
      launchCommandOnce(recorder, 'sleeper', 'sleeper-lost', 'sleep 4323');
      const driver = new MesosSchedulerDriver(recorder, {
        framework: { user: '', name: 'agent lost' },
        master: cluster.master,
      });
      driver.start();
      await recorder.until('the task to run', () =>
        recorder.statesOf('sleeper-lost').includes('TASK_RUNNING'),
      );
      cluster.agentProcess.kill('SIGKILL');
      await recorder.until('slaveLost', () => recorder.events.includes('slaveLost'), 30_000);
      expect(recorder.statesOf('sleeper-lost')).toContain('TASK_LOST');
      driver.stop();
      await driver.join();
    } finally {
      await cluster.stop();
    }
  }, 90_000);

  test('an agent restarted with checkpointing recovers the executor and its task', async () => {
    const cluster = await startLocalCluster({});
    try {
      const events = tempFile('recovered');
      const recorder = new Recorder();
      launchOnce(recorder, (offer) =>
        taskInfo({
          name: 'survivor',
          taskId: { value: 'survivor' },
          agentId: offer.slaveId,
          resources: [scalar('cpus', 0.1), scalar('mem', 16)],
          data: Buffer.from('hang'),
          executor: executorInfo({
            executorId: { value: 'survivor' },
            command: executorCommand(EXECUTOR_SCRIPT, { environment: { EVENTS_FILE: events } }),
            resources: [scalar('cpus', 0.1), scalar('mem', 32)],
          }),
        }),
      );
      const driver = new MesosSchedulerDriver(recorder, {
        framework: { user: '', name: 'agent recovery', checkpoint: true },
        master: cluster.master,
      });
      driver.start();
      await recorder.until('the task to run', () =>
        recorder.statesOf('survivor').includes('TASK_RUNNING'),
      );
      await cluster.restartAgent();
      await recorder.until('the executor to reregister', () =>
        readLines(events).some((line) => line.startsWith('reregistered')),
      );
      const before = recorder.statuses.length;
      driver.reconcileTasks([]);
      await recorder.until('reconciliation', () =>
        recorder.statuses.slice(before).some((s) => s.taskId.value === 'survivor'),
      );
      expect(
        recorder.statuses.slice(before).find((s) => s.taskId.value === 'survivor')!.state,
      ).toBe('TASK_RUNNING');
      driver.killTask({ value: 'survivor' });
      await recorder.until('the kill', () => recorder.statesOf('survivor').includes('TASK_KILLED'));
      expect(readLines(events)).toEqual(expect.arrayContaining(['killTask survivor']));
      driver.stop();
      await driver.join();
    } finally {
      await cluster.stop();
    }
  }, 120_000);
});
