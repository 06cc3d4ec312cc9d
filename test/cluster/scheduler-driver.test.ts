import { spawnSync } from 'child_process';
import * as path from 'path';
import { commandInfo, filters, takeResources, taskInfo } from '../../src/helpers';
import type { Offer, TaskStatus } from '../../src/messages';
import type { Scheduler } from '../../src/scheduler/scheduler';
import { MesosSchedulerDriver } from '../../src/scheduler/scheduler-driver';
import { Status } from '../../src/status';
import { describeWithMesos } from '../support/mesos';
import { useLocalCluster } from '../support/cluster';

/** A command task on the first offer; stop() from inside statusUpdate once it has finished. */
function commandTaskScheduler(seen: string[]): Scheduler {
  let launched = false;
  return {
    registered(_d, frameworkId, masterInfo) {
      seen.push(
        `registered ${frameworkId.value ? 'with id' : 'without id'} on port ${masterInfo.port}`,
      );
    },
    resourceOffers(driver, offers: Offer[]) {
      for (const offer of offers) {
        const need = takeResources(offer.resources, { cpus: 0.5, mem: 32 });
        if (launched || !need) {
          seen.push('declined');
          driver.declineOffer(offer.id, filters(1));
          continue;
        }
        launched = true;
        seen.push('offer');
        driver.launchTasks(offer.id, [
          taskInfo({
            name: 'echo',
            taskId: { value: 'echo-1' },
            agentId: offer.slaveId,
            resources: need.taken,
            command: commandInfo('echo hello'),
          }),
        ]);
      }
    },
    statusUpdate(driver, status: TaskStatus) {
      seen.push(status.state);
      if (status.state === 'TASK_FINISHED') seen.push(`stop ${driver.stop()}`);
    },
  };
}

describeWithMesos('MesosSchedulerDriver against libmesos', () => {
  test('master=local: offers, a command task RUNNING then FINISHED, stop() inside statusUpdate', async () => {
    const seen: string[] = [];
    const driver = new MesosSchedulerDriver(commandTaskScheduler(seen), {
      framework: { user: '', name: 'scheduler test (local)' },
      master: 'local',
    });
    await expect(driver.run()).resolves.toBe(Status.DRIVER_STOPPED);
    expect(seen[0]).toMatch(/^registered with id on port \d+$/);
    expect(seen).toContain('offer');
    expect(seen.filter((s) => s.startsWith('TASK_'))).toEqual(
      expect.arrayContaining(['TASK_RUNNING', 'TASK_FINISHED']),
    );
    expect(seen[seen.length - 1]).toBe('stop DRIVER_STOPPED');
    expect(driver.killTask({ value: 'echo-1' })).toBe(Status.DRIVER_STOPPED);
  }, 60_000);

  test('master=local leaves no MESOS_* variable behind, so a second local driver starts afresh', () => {
    const env = Object.fromEntries(
      Object.entries(process.env).filter(([name]) => !name.startsWith('MESOS_')),
    );
    const result = spawnSync(
      process.execPath,
      [path.join(__dirname, 'fixtures', 'local-twice.js')],
      { encoding: 'utf8', env: { ...env, GLOG_minloglevel: '3' }, timeout: 90_000 },
    );
    expect(result.status).toBe(0);
    const last = result.stdout.trim().split('\n').pop()!;
    const run = { registered: true, status: 'DRIVER_STOPPED', afterConstructor: [], afterRun: [] };
    expect(JSON.parse(last)).toEqual({ before: [], first: run, second: run });
  }, 100_000);

  describe('on a real master', () => {
    const cluster = useLocalCluster();

    test('registers, runs a command task to TASK_FINISHED and stops from statusUpdate', async () => {
      const seen: string[] = [];
      const driver = new MesosSchedulerDriver(commandTaskScheduler(seen), {
        framework: { user: '', name: 'scheduler test (master)' },
        master: cluster().master,
      });
      await expect(driver.run()).resolves.toBe(Status.DRIVER_STOPPED);
      expect(seen[0]).toBe(`registered with id on port ${cluster().master.split(':')[1]}`);
      expect(seen).toEqual(expect.arrayContaining(['TASK_RUNNING', 'TASK_FINISHED']));
    }, 60_000);

    test('a callback that throws aborts the driver and run() rejects with that error', async () => {
      const boom = new Error('thrown from resourceOffers');
      const driver = new MesosSchedulerDriver(
        {
          resourceOffers() {
            throw boom;
          },
        },
        { framework: { user: '', name: 'scheduler test (throw)' }, master: cluster().master },
      );
      await expect(driver.run()).rejects.toBe(boom);
      expect(driver.declineOffer({ value: 'x' })).toBe(Status.DRIVER_ABORTED);
    }, 60_000);

    test('bad input gives its error and the driver keeps running', async () => {
      let offers = 0;
      let resolveOffer!: () => void;
      const offered = new Promise<void>((resolve) => (resolveOffer = resolve));
      const driver = new MesosSchedulerDriver(
        {
          resourceOffers(d, list) {
            offers++;
            for (const offer of list) d.declineOffer(offer.id, filters(1));
            resolveOffer();
          },
        },
        { framework: { user: '', name: 'scheduler test (bad input)' }, master: cluster().master },
      );
      driver.start();
      await offered;
      expect(() =>
        driver.launchTasks({ value: 'o' }, [{ name: 't', taskId: { value: 't' } } as never]),
      ).toThrow('tasks[0].slaveId: required field missing');
      expect(() =>
        driver.acknowledgeStatusUpdate({ taskId: { value: 't' }, state: 'TASK_RUNNING' }),
      ).toThrow(/implicitAcknowledgements: false/);
      expect(() =>
        driver.acceptOffers([{ value: 'o' }], [{ type: 'LAUNCH', id: { value: 'op' } }]),
      ).toThrow(/^operations\[0\]\.id: /);
      expect(driver.reviveOffers()).toBe(Status.DRIVER_RUNNING);
      expect(offers).toBeGreaterThan(0);
      expect(driver.stop()).toBe(Status.DRIVER_STOPPED);
      await expect(driver.join()).resolves.toBe(Status.DRIVER_STOPPED);
    }, 60_000);
  });
});
