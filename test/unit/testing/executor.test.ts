import { filters, scalar, type Executor, type Offer, type TaskStatus } from 'mesos-napi';
import { SimulatedCluster } from 'mesos-napi/testing';

const framework = { user: 'tester', name: 'executor test' };

/** An executor as a framework writes one: runs tasks until told to finish or killed. */
function echoExecutor(log: string[]): Executor {
  return {
    registered(_d, info, fw, agent) {
      log.push(`registered ${info.executorId.value} ${fw.name} ${agent.hostname}`);
    },
    launchTask(driver, task) {
      log.push(`launch ${task.taskId.value}`);
      driver.sendStatusUpdate({ taskId: task.taskId, state: 'TASK_RUNNING' });
    },
    frameworkMessage(driver, data) {
      const text = Buffer.from(data).toString();
      log.push(`message ${text}`);
      if (text.startsWith('finish ')) {
        driver.sendStatusUpdate({
          taskId: { value: text.slice(7) },
          state: 'TASK_FINISHED',
          message: 'done',
        });
      } else driver.sendFrameworkMessage(Buffer.from(`echo ${text}`));
    },
    async killTask(driver, taskId) {
      await new Promise((resolve) => setTimeout(resolve, 2));
      driver.sendStatusUpdate({ taskId, state: 'TASK_KILLED' });
      driver.stop();
    },
  };
}

function scheduler(cluster: SimulatedCluster) {
  const statuses: TaskStatus[] = [];
  const messages: string[] = [];
  const lost: number[] = [];
  let launched = false;
  const driver = cluster.schedulerDriver(
    {
      resourceOffers(d, offers: Offer[]) {
        for (const offer of offers) {
          if (launched) {
            d.declineOffer(offer.id, filters(3600));
            continue;
          }
          launched = true;
          const executor = {
            executorId: { value: 'echo' },
            command: { value: 'echo-executor' },
            resources: [scalar('cpus', 0.1)],
          };
          d.launchTasks(offer.id, [
            {
              name: 'a',
              taskId: { value: 'a' },
              slaveId: offer.slaveId,
              resources: [scalar('cpus', 1)],
              executor,
            },
            {
              name: 'b',
              taskId: { value: 'b' },
              slaveId: offer.slaveId,
              resources: [scalar('cpus', 1)],
              executor,
            },
          ]);
        }
      },
      statusUpdate(_d, status) {
        statuses.push(status);
      },
      frameworkMessage(_d, _e, _s, data) {
        messages.push(Buffer.from(data).toString());
      },
      executorLost(_d, _e, _s, status) {
        lost.push(status);
      },
    },
    { framework },
  );
  driver.start();
  return { driver, statuses, messages, lost };
}

test('runs your Executor: registration, tasks, messages both ways, kill, its end', async () => {
  const cluster = new SimulatedCluster({ agents: [{ hostname: 'a1' }] });
  const log: string[] = [];
  cluster.runExecutor('echo', () => echoExecutor(log));
  const { driver, statuses, messages, lost } = scheduler(cluster);
  await cluster.advance('1s');
  expect(log).toEqual(['registered echo executor test a1', 'launch a', 'launch b']);
  expect(statuses.map((s) => [s.taskId.value, s.state, s.source])).toEqual([
    ['a', 'TASK_RUNNING', 'SOURCE_EXECUTOR'],
    ['b', 'TASK_RUNNING', 'SOURCE_EXECUTOR'],
  ]);
  const agentId = cluster.agents()[0].id;
  driver.sendFrameworkMessage({ value: 'echo' }, { value: agentId }, Buffer.from('hi'));
  driver.sendFrameworkMessage({ value: 'echo' }, { value: agentId }, Buffer.from('finish a'));
  await cluster.advance(0);
  expect(messages).toEqual(['echo hi']);
  expect(cluster.statesOf('a')).toEqual(['TASK_RUNNING', 'TASK_FINISHED']);
  driver.killTask({ value: 'b' });
  await cluster.advance('1s');
  expect(cluster.statesOf('b')).toEqual(['TASK_RUNNING', 'TASK_KILLED']);
  expect(lost).toEqual([0]);
  expect(cluster.executorEvents.map((e) => e.event)).toEqual([
    'registered',
    'launchTask',
    'launchTask',
    'frameworkMessage',
    'frameworkMessage',
    'killTask',
  ]);
  driver.stop();
  await driver.join();
});

test('an Executor handler that throws fails the next advance with its error', async () => {
  const cluster = new SimulatedCluster();
  cluster.runExecutor('echo', () => ({
    launchTask() {
      throw new Error('executor bug');
    },
  }));
  const { driver } = scheduler(cluster);
  await expect(cluster.advance('1s')).rejects.toThrow('executor bug');
  driver.stop();
  await driver.join();
});
