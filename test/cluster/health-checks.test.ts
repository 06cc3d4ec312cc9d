import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { commandInfo, healthCheck, killPolicy, scalar, taskInfo } from '../../src/helpers';
import { MesosSchedulerDriver } from '../../src/scheduler/scheduler-driver';
import { describeWithMesos } from '../support/mesos';
import { useLocalCluster } from '../support/cluster';
import { launchOnce, Recorder } from '../support/recorder';

function startWith(master: string, recorder: Recorder): MesosSchedulerDriver {
  const driver = new MesosSchedulerDriver(recorder, {
    framework: { user: '', name: 'health and kill test' },
    master,
  });
  driver.start();
  return driver;
}

// After Mesos's health_check_tests.cpp and the command executor's kill policy.
describeWithMesos('health checks and kill policies', () => {
  const cluster = useLocalCluster();
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mesos-napi-health-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  test('a command health check turns healthy true, then false, and the task is killed after consecutive failures', async () => {
    const flag = path.join(dir, 'healthy');
    fs.writeFileSync(flag, '');
    const recorder = new Recorder();
    launchOnce(recorder, (offer) =>
      taskInfo({
        name: 'checked',
        taskId: { value: 'checked' },
        agentId: offer.slaveId,
        resources: [scalar('cpus', 0.1), scalar('mem', 32)],
        command: commandInfo('sleep 600'),
        healthCheck: healthCheck(
          { command: `test -f '${flag}'` },
          { delaySeconds: 0, intervalSeconds: 1, timeoutSeconds: 5, consecutiveFailures: 2 },
        ),
      }),
    );
    const driver = startWith(cluster().master, recorder);
    const healthy = () => recorder.statuses.filter((s) => 'healthy' in s).map((s) => s.healthy);
    await recorder.until('healthy: true', () => healthy().includes(true), 30_000);
    fs.rmSync(flag);
    await recorder.until('healthy: false', () => healthy().includes(false), 30_000);
    await recorder.until(
      'the task killed',
      () => recorder.statesOf('checked').includes('TASK_KILLED'),
      30_000,
    );
    expect(healthy().indexOf(true)).toBeLessThan(healthy().indexOf(false));
    const update = recorder.statuses.find((s) => s.healthy === false)!;
    expect(update.reason).toBe('REASON_TASK_HEALTH_CHECK_STATUS_UPDATED');
    driver.stop();
    await driver.join();
  }, 90_000);

  test('killTask gives a task its kill policy’s grace period between SIGTERM and SIGKILL', async () => {
    const termed = path.join(dir, 'got-sigterm');
    const trapped = path.join(dir, 'trap-set');
    const recorder = new Recorder();
    launchOnce(recorder, (offer) =>
      taskInfo({
        name: 'stubborn',
        taskId: { value: 'stubborn' },
        agentId: offer.slaveId,
        resources: [scalar('cpus', 0.1), scalar('mem', 32)],
        command: commandInfo(
          `trap "touch '${termed}'" TERM; touch '${trapped}'; while true; do sleep 0.2; done`,
        ),
        killPolicy: killPolicy(3),
      }),
    );
    const driver = startWith(cluster().master, recorder);
    await recorder.until(
      'the task running',
      () => recorder.statesOf('stubborn').includes('TASK_RUNNING'),
      30_000,
    );
    await recorder.until('the trap set', () => fs.existsSync(trapped), 10_000);
    const asked = Date.now();
    driver.killTask({ value: 'stubborn' });
    await recorder.until(
      'the task killed',
      () => recorder.statesOf('stubborn').includes('TASK_KILLED'),
      30_000,
    );
    const took = Date.now() - asked;
    expect(fs.existsSync(termed)).toBe(true);
    expect(took).toBeGreaterThanOrEqual(2800);
    expect(took).toBeLessThan(15_000);
    driver.stop();
    await driver.join();
  }, 60_000);
});
