import type { Credential, Input } from '../../src/messages';
import { MesosSchedulerDriver } from '../../src/scheduler/scheduler-driver';
import { Status } from '../../src/status';
import { describeWithMesos } from '../support/mesos';
import { useLocalCluster } from '../support/cluster';
import { Recorder } from '../support/recorder';

// After Mesos's authentication_tests.cpp: a master that authenticates frameworks (CRAM-MD5).
describeWithMesos('framework authentication', () => {
  const cluster = useLocalCluster({ credentials: [{ principal: 'alice', secret: 'wonderland' }] });

  async function register(credential: Input<Credential> | undefined) {
    const recorder = new Recorder();
    const driver = new MesosSchedulerDriver(recorder, {
      framework: { user: '', name: 'authentication test', principal: 'alice' },
      master: cluster().master,
      ...(credential ? { credential } : {}),
    });
    expect(driver.start()).toBe(Status.DRIVER_RUNNING);
    await recorder.until('registration or an error', () => recorder.events.length > 0, 30_000);
    return { recorder, driver };
  }

  test('the right secret registers', async () => {
    const { recorder, driver } = await register({
      principal: 'alice',
      secret: 'wonderland',
    });
    expect(recorder.events).toEqual(['registered']);
    expect(recorder.frameworkId?.value).toBeTruthy();
    driver.stop();
    await expect(driver.join()).resolves.toBe(Status.DRIVER_STOPPED);
  }, 60_000);

  test('a wrong secret is refused and the driver aborts', async () => {
    const { recorder, driver } = await register({
      principal: 'alice',
      secret: 'looking-glass',
    });
    expect(recorder.events).toEqual(['error: Master refused authentication']);
    await expect(driver.join()).resolves.toBe(Status.DRIVER_ABORTED);
    expect(recorder.frameworkId).toBeUndefined();
  }, 60_000);

  test('no credential at all is refused as not authenticated', async () => {
    const { recorder, driver } = await register(undefined);
    expect(recorder.events).toHaveLength(1);
    expect(recorder.events[0]).toMatch(/^error: .*not authenticated/);
    await expect(driver.join()).resolves.toBe(Status.DRIVER_ABORTED);
    expect(recorder.frameworkId).toBeUndefined();
  }, 60_000);
});
