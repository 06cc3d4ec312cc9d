import { filters } from '../../src/helpers';
import { MesosSchedulerDriver } from '../../src/scheduler/scheduler-driver';
import { Status } from '../../src/status';
import { describeWithMesos } from '../support/mesos';
import { useLocalCluster } from '../support/cluster';
import { Recorder } from '../support/recorder';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describeWithMesos('offers: decline filters, suppress and revive', () => {
  const cluster = useLocalCluster({ masterFlags: ['--allocation_interval=200ms'] });

  test('refuse_seconds keeps the agent’s resources away; revive brings them back; suppress stops them', async () => {
    const recorder = new Recorder();
    let refuseSeconds = 0.5;
    recorder.onOffers = (driver, offers) => {
      for (const offer of offers) driver.declineOffer(offer.id, filters(refuseSeconds));
    };
    const driver = new MesosSchedulerDriver(recorder, {
      framework: { user: '', name: 'offers test' },
      master: cluster().master,
    });
    driver.start();
    await recorder.until(
      'a second offer after a short refusal',
      () => recorder.offers.length >= 2,
      20_000,
    );

    refuseSeconds = 1000;
    await recorder.until('an offer declined for long', () => recorder.offers.length >= 3, 20_000);
    const afterLongDecline = recorder.offers.length;
    await sleep(3000);
    expect(recorder.offers.length).toBe(afterLongDecline);

    refuseSeconds = 0.5;
    expect(driver.reviveOffers()).toBe(Status.DRIVER_RUNNING);
    await recorder.until(
      'an offer after revive',
      () => recorder.offers.length > afterLongDecline,
      20_000,
    );

    expect(driver.suppressOffers()).toBe(Status.DRIVER_RUNNING);
    await sleep(1500);
    const afterSuppress = recorder.offers.length;
    await sleep(3000);
    expect(recorder.offers.length).toBe(afterSuppress);

    expect(driver.reviveOffers(['*'])).toBe(Status.DRIVER_RUNNING);
    await recorder.until(
      'offers again after reviving the role',
      () => recorder.offers.length > afterSuppress,
      20_000,
    );
    driver.stop();
    await driver.join();
  }, 90_000);
});

describeWithMesos('offers: rescinded', () => {
  const cluster = useLocalCluster({ masterFlags: ['--offer_timeout=1secs'] });

  test('an offer held past the master’s offer_timeout is rescinded, with its id', async () => {
    const recorder = new Recorder();
    recorder.onOffers = () => undefined;
    const driver = new MesosSchedulerDriver(recorder, {
      framework: { user: '', name: 'rescind test' },
      master: cluster().master,
    });
    driver.start();
    await recorder.until('an offer', () => recorder.offers.length >= 1, 20_000);
    await recorder.until('offerRescinded', () => recorder.rescinded.length >= 1, 20_000);
    expect(recorder.offers.map((o) => o.offer.id.value)).toContain(recorder.rescinded[0].value);
    driver.stop();
    await driver.join();
  }, 60_000);
});
