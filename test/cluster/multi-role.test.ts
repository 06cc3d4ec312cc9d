import { filters } from '../../src/helpers';
import type { FrameworkInfo, Input, Offer } from '../../src/messages';
import { MesosSchedulerDriver } from '../../src/scheduler/scheduler-driver';
import { Status } from '../../src/status';
import { describeWithMesos } from '../support/mesos';
import { useLocalCluster } from '../support/cluster';
import { Recorder } from '../support/recorder';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Declines every offer for a moment, so each role is offered again at once. */
function decliningRecorder(): Recorder {
  const recorder = new Recorder();
  recorder.onOffers = (driver, offers) => {
    for (const offer of offers) driver.declineOffer(offer.id, filters(0.1));
  };
  return recorder;
}

/** The roles of the offers that arrive in the next windowMs, after settleMs for those in flight. */
async function rolesOffered(
  recorder: Recorder,
  settleMs = 1000,
  windowMs = 2000,
): Promise<string[]> {
  await sleep(settleMs);
  const from = recorder.offers.length;
  await sleep(windowMs);
  const roles = recorder.offers.slice(from).map(({ offer }) => offer.allocationInfo?.role ?? '');
  return [...new Set(roles)].sort();
}

const offeredTo = (recorder: Recorder, role: string, from = 0) =>
  recorder.offers.slice(from).some(({ offer }) => offer.allocationInfo?.role === role);

/** A MULTI_ROLE framework in role1 alone, once it has had an offer. */
async function startInRole1(master: string, name: string) {
  const recorder = decliningRecorder();
  const info: Input<FrameworkInfo> = {
    user: '',
    name,
    roles: ['role1'],
    capabilities: [{ type: 'MULTI_ROLE' }],
  };
  const driver = new MesosSchedulerDriver(recorder, { framework: info, master });
  driver.start();
  await recorder.until('an offer to role1', () => offeredTo(recorder, 'role1'));
  return { recorder, info, driver };
}

// After Mesos's update_framework_tests.cpp and the master's multi-role tests. The agent's
// resources are all reserved, half for role1, half for role2, so each role has offers of its own.
describeWithMesos(
  'multi-role frameworks: offers per role, updateFramework, suppress and revive',
  () => {
    const cluster = useLocalCluster({
      masterFlags: ['--allocation_interval=100ms'],
      resources: [
        'cpus(role1):1;mem(role1):256;disk(role1):256;ports(role1):[31000-31099]',
        'cpus(role2):1;mem(role2):256;disk(role2):256;ports(role2):[31100-31199]',
      ].join(';'),
      agentFlags: ['--attributes=rack:r1'],
    });

    test('offers carry their role; updateFramework changes roles and suppressed roles; suppressOffers and reviveOffers act per role', async () => {
      const { recorder, info, driver } = await startInRole1(cluster().master, 'multi-role test');
      expect(await rolesOffered(recorder)).toEqual(['role1']);
      const first: Offer = recorder.offers[0].offer;
      // Without RESERVATION_REFINEMENT the static reservation is in the old format: `role`.
      expect(first.resources.map((r) => [r.name, r.allocationInfo?.role, r.role])).toEqual(
        ['cpus', 'mem', 'disk', 'ports'].map((name) => [name, 'role1', 'role1']),
      );

      const id = recorder.frameworkId!;
      const both = { ...info, id, roles: ['role1', 'role2'] };
      expect(driver.updateFramework(both, [])).toBe(Status.DRIVER_RUNNING);
      let from = recorder.offers.length;
      await recorder.until('an offer to role2', () => offeredTo(recorder, 'role2', from));
      const role2Offer = recorder.offers
        .slice(from)
        .find(({ offer }) => offer.allocationInfo?.role === 'role2')!;
      expect(role2Offer.offer.resources.every((r) => r.allocationInfo?.role === 'role2')).toBe(
        true,
      );
      expect(await rolesOffered(recorder)).toEqual(['role1', 'role2']);

      expect(driver.updateFramework(both, ['role1'])).toBe(Status.DRIVER_RUNNING);
      expect(await rolesOffered(recorder)).toEqual(['role2']);

      expect(driver.reviveOffers(['role1'])).toBe(Status.DRIVER_RUNNING);
      expect(await rolesOffered(recorder)).toEqual(['role1', 'role2']);

      expect(driver.suppressOffers(['role2'])).toBe(Status.DRIVER_RUNNING);
      expect(await rolesOffered(recorder)).toEqual(['role1']);

      expect(driver.reviveOffers(['role2'])).toBe(Status.DRIVER_RUNNING);
      from = recorder.offers.length;
      await recorder.until('role2 offered again', () => offeredTo(recorder, 'role2', from));

      expect(driver.updateFramework({ ...info, id, roles: ['role2'] }, [])).toBe(
        Status.DRIVER_RUNNING,
      );
      expect(await rolesOffered(recorder)).toEqual(['role2']);
      expect(recorder.events.filter((e) => e.startsWith('error'))).toEqual([]);
      driver.stop();
      await driver.join();
    }, 90_000);

    test('OfferConstraints keep out the agents whose attributes do not match', async () => {
      const { recorder, info, driver } = await startInRole1(
        cluster().master,
        'offer constraints test',
      );
      expect(recorder.offers[0].offer.attributes).toEqual([
        { name: 'rack', type: 'TEXT', text: { value: 'r1' } },
      ]);
      const rackIs = (value: string) => ({
        roleConstraints: {
          role1: {
            groups: [
              {
                attributeConstraints: [
                  { selector: { attributeName: 'rack' }, predicate: { textEquals: { value } } },
                ],
              },
            ],
          },
        },
      });
      const id = recorder.frameworkId!;
      expect(driver.updateFramework({ ...info, id }, [], rackIs('r2'))).toBe(Status.DRIVER_RUNNING);
      expect(await rolesOffered(recorder)).toEqual([]);
      expect(driver.updateFramework({ ...info, id }, [], rackIs('r1'))).toBe(Status.DRIVER_RUNNING);
      const from = recorder.offers.length;
      await recorder.until('offers again on a matching rack', () =>
        offeredTo(recorder, 'role1', from),
      );
      expect(recorder.events.filter((e) => e.startsWith('error'))).toEqual([]);
      driver.stop();
      await driver.join();
    }, 60_000);
  },
);
