import {
  createVolume,
  destroyVolume,
  filters,
  launch,
  persistentVolume,
  reserve,
  scalar,
  takeResources,
  unreserve,
  volumeDisk,
  withReservation,
} from '../../src/helpers';
import type { Input, Offer, TaskInfo } from '../../src/messages';
import { Status } from '../../src/status';
import { startLocalCluster, type LocalCluster } from '../../src/cluster';
import { useLocalCluster } from '../support/cluster';
import { startZooKeeper, zookeeperMissing, type ZooKeeper } from '../support/zookeeper';
import {
  AGENT_RESOURCES,
  fieldsOf,
  isExecutorUpdate,
  isReregistrationAnnouncement,
  realSide,
  simulatedSide,
  Trace,
  type Side,
} from '../support/comparison';
import { mesosForTests } from '../support/mesos';

// Each scenario runs on the simulator and on a real master and agent, and what the scheduler
// saw must be the same, modulo ids and timing. Without Mesos only the simulated side runs
// (its own expectations still hold) and the comparison is skipped, with one line.

const framework = { user: '', name: 'comparison' };
const command = (
  id: string,
  offer: Offer,
  value: string,
  extra: Partial<Input<TaskInfo>> = {},
) => ({
  name: id,
  taskId: { value: id },
  slaveId: offer.slaveId,
  resources: [scalar('cpus', 0.1), scalar('mem', 32)],
  command: { value },
  ...extra,
});

type Scenario = (side: Side) => Promise<string[]>;

const scenarios: Record<string, Scenario> = {
  async 'launch errors, as the master checks tasks'(side) {
    const trace = new Trace();
    let first = true;
    trace.onOffers = (driver, offers) => {
      for (const offer of offers) {
        if (!first) {
          driver.declineOffer(offer.id, filters(1000));
          continue;
        }
        first = false;
        driver.launchTasks(offer.id, [
          command('too-big', offer, 'true', { resources: [scalar('cpus', 64)] }),
          command('ok', offer, 'true'),
          command('ok', offer, 'true'),
          command('neither', offer, 'true', { command: undefined }),
          command('wrong-agent', offer, 'true', { slaveId: { value: 'no-such-agent' } }),
          command('nothing', offer, 'true', { resources: [] }),
        ]);
      }
    };
    const driver = side.driver(trace, { framework });
    driver.start();
    await side.until('ok to finish', () => trace.statesOf('ok').includes('TASK_FINISHED'));
    driver.stop();
    await driver.join();
    return ['too-big', 'ok', 'neither', 'wrong-agent', 'nothing'].flatMap((id) => trace.of(id));
  },

  async 'the first offer, field by field'(side) {
    const trace = new Trace();
    const driver = side.driver(trace, { framework });
    driver.start();
    await side.until('an offer', () => trace.offers.length > 0);
    driver.stop();
    await driver.join();
    return [`resourceOffers ${fieldsOf(trace.offers[0])}`];
  },

  async 'the first offer to a MULTI_ROLE framework, field by field'(side) {
    const trace = new Trace();
    const driver = side.driver(trace, {
      framework: { ...framework, roles: ['web'], capabilities: [{ type: 'MULTI_ROLE' }] },
    });
    driver.start();
    await side.until('an offer', () => trace.offers.length > 0);
    driver.stop();
    await driver.join();
    return [`resourceOffers ${fieldsOf(trace.offers[0])}`];
  },

  async 'a reservation and a persistent volume: made with a launch, offered back, released'(side) {
    const trace = new Trace();
    const reservation = { role: 'db', principal: 'ops', labels: { owner: 'comparison' } };
    const reservedOf = (offer: Offer) =>
      offer.resources.filter((r) => (r.reservations ?? []).length > 0);
    const lines: string[] = [];
    let step = 'reserve';
    trace.onOffers = (driver, offers) => {
      for (const offer of offers) {
        const reserved = reservedOf(offer);
        const volumes = reserved.filter((r) => r.disk?.persistence);
        if (step === 'reserve' && reserved.length === 0) {
          step = 'wait';
          const need = takeResources(offer.resources, { cpus: 0.1, mem: 32, disk: 16 })!;
          const held = withReservation(need.taken, reservation);
          const volume = persistentVolume(
            held.find((r) => r.name === 'disk')!,
            {
              id: 'comparison-volume',
              containerPath: 'data',
              principal: 'ops',
            },
          );
          const task = command('writer', offer, 'echo kept > data/file', {
            resources: [...held.filter((r) => r.name !== 'disk'), volume],
          });
          driver.acceptOffers(
            [offer.id],
            [reserve(need.taken, reservation), createVolume([volume]), launch([task])],
            filters(1),
          );
        } else if (step === 'offered-back' && volumes.length > 0) {
          step = 'released';
          lines.push(`offered back: ${fieldsOf(reserved)}`);
          const rest = reserved.filter((r) => !r.disk?.persistence);
          driver.acceptOffers(
            [offer.id],
            [destroyVolume(volumes), unreserve([...rest, ...volumes.map(volumeDisk)])],
            filters(1),
          );
        } else if (step === 'released' && reserved.length === 0) {
          step = 'done';
          lines.push(`after release: ${offer.resources.length} resources, none reserved`);
          driver.declineOffer(offer.id, filters(1000));
        } else {
          driver.declineOffer(offer.id, filters(1));
        }
      }
    };
    const driver = side.driver(trace, {
      framework: {
        ...framework,
        principal: 'ops',
        roles: ['db'],
        capabilities: [{ type: 'MULTI_ROLE' }, { type: 'RESERVATION_REFINEMENT' }],
      },
    });
    driver.start();
    await side.until('the writer to finish', () =>
      trace.statesOf('writer').includes('TASK_FINISHED'),
    );
    step = 'offered-back';
    await side.until('the release', () => step === 'done');
    driver.stop();
    await driver.join();
    return [...trace.of('writer'), ...lines];
  },

  async 'an offer used after it was declined'(side) {
    const trace = new Trace();
    let first = true;
    trace.onOffers = (driver, offers) => {
      for (const offer of offers) {
        driver.declineOffer(offer.id, filters(1000));
        if (first) driver.launchTasks(offer.id, [command('late', offer, 'true')]);
        first = false;
      }
    };
    const driver = side.driver(trace, {
      framework: { ...framework, capabilities: [{ type: 'PARTITION_AWARE' }] },
    });
    driver.start();
    await side.until('the launch to be answered', () => trace.statuses.length > 0);
    driver.stop();
    await driver.join();
    return trace.lines;
  },

  async 'decline filters, revive and suppress'(side) {
    const trace = new Trace();
    const driver = side.driver(trace, { framework });
    driver.start();
    await side.until('an offer', () => trace.offers.length > 0);
    await side.pass(3000); // declined for 1000 s: nothing
    driver.reviveOffers();
    await side.until('an offer after revive', () => trace.offers.length > 1);
    await side.pass(3000);
    driver.suppressOffers();
    driver.reviveOffers();
    await side.until('an offer after suppress and revive', () => trace.offers.length > 2);
    driver.suppressOffers();
    await side.pass(3000);
    driver.stop();
    await driver.join();
    return trace.lines;
  },

  async 'reconciliation and kill'(side) {
    const trace = new Trace();
    let first = true;
    trace.onOffers = (driver, offers) => {
      for (const offer of offers) {
        if (first) driver.launchTasks(offer.id, [command('long', offer, 'sleep 1000')]);
        else driver.declineOffer(offer.id, filters(1000));
        first = false;
      }
    };
    const driver = side.driver(trace, { framework });
    driver.start();
    await side.until('long to run', () => trace.statesOf('long').includes('TASK_RUNNING'));
    const agentId = trace.offers[0].slaveId;
    const mark = trace.lines.length;
    driver.reconcileTasks([]);
    await side.until('implicit answer', () => trace.lines.length > mark);
    driver.reconcileTasks([
      { taskId: { value: 'long' }, state: 'TASK_STAGING' },
      { taskId: { value: 'unknown-here' }, state: 'TASK_RUNNING', slaveId: agentId },
      { taskId: { value: 'unknown' }, state: 'TASK_RUNNING' },
    ]);
    await side.until('explicit answers', () => trace.lines.length >= mark + 4);
    driver.killTask({ value: 'never-launched' });
    await side.until('the unknown kill answered', () => trace.of('never-launched').length > 0);
    driver.killTask({ value: 'long' });
    await side.until('long killed', () => trace.statesOf('long').includes('TASK_KILLED'));
    expect(driver.stop()).toBe(Status.DRIVER_STOPPED);
    await driver.join();
    return trace.withoutOffers();
  },

  async 'kill with TASK_KILLING_STATE: TASK_KILLING, then TASK_KILLED'(side) {
    const trace = new Trace();
    let first = true;
    trace.onOffers = (driver, offers) => {
      for (const offer of offers) {
        if (first) driver.launchTasks(offer.id, [command('doomed', offer, 'sleep 1000')]);
        else driver.declineOffer(offer.id, filters(1000));
        first = false;
      }
    };
    const driver = side.driver(trace, {
      framework: { ...framework, capabilities: [{ type: 'TASK_KILLING_STATE' }] },
    });
    driver.start();
    await side.until('doomed to run', () => trace.statesOf('doomed').includes('TASK_RUNNING'));
    driver.killTask({ value: 'doomed' });
    await side.until('doomed killed', () => trace.statesOf('doomed').includes('TASK_KILLED'));
    driver.stop();
    await driver.join();
    return trace.withoutOffers();
  },

  async 'explicit acknowledgements: one update at a time, resent until acknowledged'(side) {
    const trace = new Trace();
    let first = true;
    trace.onOffers = (driver, offers) => {
      for (const offer of offers) {
        if (first) driver.launchTasks(offer.id, [command('acked', offer, 'sleep 2')]);
        else driver.declineOffer(offer.id, filters(1000));
        first = false;
      }
    };
    const driver = side.driver(trace, { framework, implicitAcknowledgements: false });
    driver.start();
    await side.until('a first update', () => trace.statuses.length > 0);
    await side.until('it again, unacknowledged', () => trace.statuses.length > 1, 25_000);
    trace.onStatus = (d, status) => void d.acknowledgeStatusUpdate(status);
    driver.acknowledgeStatusUpdate(trace.statuses[0]);
    await side.until('acked to finish', () => trace.statesOf('acked').includes('TASK_FINISHED'));
    driver.stop();
    await driver.join();
    const uuids = trace.statuses.map((s) => Buffer.from(s.uuid ?? []).toString('hex'));
    expect(uuids[1]).toBe(uuids[0]);
    return trace.withoutOffers();
  },
};

/** Needs a master elected through ZooKeeper on the real side. */
const failoverScenarios: Record<string, Scenario> = {
  async 'master failover: disconnected, registered again, the task kept'(side) {
    const trace = new Trace();
    let first = true;
    trace.onOffers = (driver, offers) => {
      for (const offer of offers) {
        if (first) driver.launchTasks(offer.id, [command('kept', offer, 'sleep 1000')]);
        else driver.declineOffer(offer.id, filters(1000));
        first = false;
      }
    };
    const driver = side.driver(trace, { framework: { ...framework, failoverTimeout: 60 } });
    driver.start();
    await side.until('kept to run', () => trace.statesOf('kept').includes('TASK_RUNNING'));
    await side.failoverMaster();
    const registeredTwice = () => trace.lines.filter((l) => l === 'registered').length === 2;
    await side.until('registered with the new master', registeredTwice, 60_000);
    // Until its agent has reregistered, the new master drops reconciliation: ask until answered.
    const answered = () => trace.statuses.some((s) => s.reason === 'REASON_RECONCILIATION');
    for (let i = 0; i < 30 && !answered(); i++) {
      driver.reconcileTasks([{ taskId: { value: 'kept' }, state: 'TASK_RUNNING' }]);
      await side.until('an answer', answered, 2000).catch(() => undefined);
    }
    expect(answered()).toBe(true);
    expect(trace.lines).toContain('disconnected');
    driver.stop();
    await driver.join();
    // The local cluster's master keeps its registry in memory: when the agent reaches the new
    // master after the framework has, the master announces the agent's tasks (REASON_SLAVE_
    // REREGISTERED, "Unknown agent reregistered"); when it comes first, nothing. A race, left
    // out; the simulator behaves as a master with a persistent registry (it never sends these).
    // An update whose acknowledgement went down with the old master is sent again by the
    // agent once it has reregistered (and on its retry timer): whether the acknowledgement
    // made it first is a race too (seen in CI under load). Repeats of an executor's update
    // already delivered are left out.
    const seen = new Set<string>();
    const resent = (l: string) => isExecutorUpdate(l) && seen.has(l);
    const lines = trace.withoutOffers().filter((l) => {
      const keep = !isReregistrationAnnouncement(l) && !resent(l);
      seen.add(l);
      return keep;
    });
    const firstAnswer = lines.findIndex((l) => l.includes('REASON_RECONCILIATION'));
    return lines.filter((l, i) => !l.includes('REASON_RECONCILIATION') || i === firstAnswer);
  },
};

const simulatedRuns = new Map<string, string[]>();

const all = { ...scenarios, ...failoverScenarios };

describe('scenarios on the simulator', () => {
  test.each(Object.keys(all))('%s', async (name) => {
    const lines = await all[name](simulatedSide());
    // Each scenario sees offers or status updates: a comparison of nothing proves nothing.
    expect(lines.some((line) => / TASK_/.test(line) || line.startsWith('resourceOffers'))).toBe(
      true,
    );
    simulatedRuns.set(name, lines);
  });
});

const mesos = mesosForTests();
if ('reason' in mesos) {
  process.stdout.write(`skipped "the simulator against a real Mesos": ${mesos.reason}\n`);
  describe.skip('the simulator against a real Mesos', () => {
    test('needs Mesos', () => undefined);
  });
} else {
  describe('the simulator against a real Mesos', () => {
    const cluster = useLocalCluster({ resources: AGENT_RESOURCES });
    test.each(Object.keys(scenarios))(
      '%s',
      async (name) => {
        const real = await scenarios[name](realSide(() => cluster().master));
        const simulated = simulatedRuns.get(name) ?? (await scenarios[name](simulatedSide()));
        expect(simulated).toEqual(real);
      },
      90_000,
    );
  });

  const noZooKeeper = zookeeperMissing();
  if (noZooKeeper) {
    process.stdout.write(
      `skipped "the simulator against a real Mesos, failover": ${noZooKeeper}\n`,
    );
  }
  (noZooKeeper ? describe.skip : describe)('the simulator against a real Mesos, failover', () => {
    let zookeeper: ZooKeeper | undefined;
    let cluster: LocalCluster | undefined;
    beforeAll(async () => {
      zookeeper = await startZooKeeper();
      cluster = await startLocalCluster({
        zk: zookeeper.url('/mesos'),
        resources: AGENT_RESOURCES,
      });
    }, 120_000);
    afterAll(async () => {
      await cluster?.stop();
      await zookeeper?.stop();
    });
    test.each(Object.keys(failoverScenarios))(
      '%s',
      async (name) => {
        const real = await failoverScenarios[name](
          realSide(
            () => cluster!.master,
            () => cluster!.restartMaster(),
          ),
        );
        const simulated =
          simulatedRuns.get(name) ?? (await failoverScenarios[name](simulatedSide()));
        expect(simulated).toEqual(real);
      },
      150_000,
    );
  });
}
