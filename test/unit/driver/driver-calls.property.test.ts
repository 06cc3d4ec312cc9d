import fc from 'fast-check';
import { InvalidArgumentError } from '../../../src/errors';
import { MesosExecutorDriver } from '../../../src/executor/executor-driver';
import { useBinding } from '../../../src/native/load';
import { MesosSchedulerDriver } from '../../../src/scheduler/scheduler-driver';
import { assertProperty } from '../../support/property';
import { AGENT_ENVIRONMENT } from '../executor/agent-environment';
import { standInBinding, type StandInDriver } from '../../support/stand-in-binding';
import { bytes, listOf, listOrOne, message, optional, roles, type Arg } from './driver-args';

type Calls = Record<string, [name: string, arg: Arg][]>;

/** A FrameworkInfo libmesos takes from any caller: a user, and no role twice. */
const framework = message('mesos.FrameworkInfo', (info) => ({
  ...info,
  user: info.user || 'u',
  roles: [...new Set(info.roles as string[])],
}));
const offerIds = listOf(message('mesos.OfferID'));
const filters = optional(message('mesos.Filters'));

const schedulerCalls: Calls = {
  requestResources: [['requests', listOf(message('mesos.Request'))]],
  launchTasks: [
    ['offerIds', listOrOne(message('mesos.OfferID'))],
    ['tasks', listOf(message('mesos.TaskInfo'))],
    ['filters', filters],
  ],
  killTask: [['taskId', message('mesos.TaskID')]],
  acceptOffers: [
    ['offerIds', offerIds],
    ['operations', listOf(message('mesos.Offer.Operation', ({ id: _id, ...op }) => op))],
    ['filters', filters],
  ],
  declineOffer: [
    ['offerId', message('mesos.OfferID')],
    ['filters', filters],
  ],
  reviveOffers: [['roles', optional(roles)]],
  suppressOffers: [['roles', optional(roles)]],
  sendFrameworkMessage: [
    ['executorId', message('mesos.ExecutorID')],
    ['slaveId', message('mesos.SlaveID')],
    ['data', bytes],
  ],
  reconcileTasks: [['statuses', listOf(message('mesos.TaskStatus'))]],
  updateFramework: [
    ['frameworkInfo', framework],
    ['suppressedRoles', roles],
    ['offerConstraints', optional(message('mesos.scheduler.OfferConstraints'))],
  ],
};

const executorCalls: Calls = {
  sendStatusUpdate: [['status', message('mesos.TaskStatus')]],
  sendFrameworkMessage: [['data', bytes]],
};

/** A call with every argument valid (bad: -1) or exactly one bad. */
function callsOf(calls: Calls) {
  return fc
    .constantFrom(...Object.entries(calls))
    .chain(([method, args]) =>
      fc
        .integer({ min: -1, max: args.length - 1 })
        .chain((bad) =>
          fc
            .tuple(
              ...args.map(([name, arg], i) =>
                i === bad ? arg.bad(name) : arg.valid.map((value) => ({ value, path: '' })),
              ),
            )
            .map((values) => ({ method, bad, values })),
        ),
    );
}

/** Valid calls reach the native driver once; a bad argument throws, naming it, and none do. */
function checkCalls(driver: object, native: StandInDriver, calls: Calls, runs: number) {
  assertProperty(
    fc.property(callsOf(calls), ({ method, bad, values }) => {
      const before = native.calls.length;
      const call = () =>
        (driver as Record<string, (...a: unknown[]) => unknown>)[method](
          ...values.map((v) => v.value),
        );
      if (bad < 0) {
        call();
        expect(native.calls.slice(before).map((c) => c.method)).toEqual([method]);
        return;
      }
      let thrown: unknown;
      try {
        call();
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBeInstanceOf(InvalidArgumentError);
      expect((thrown as InvalidArgumentError).argument).toBe(values[bad].path);
      expect(native.calls.length).toBe(before);
    }),
    runs,
  );
}

let binding: ReturnType<typeof standInBinding>;
beforeEach(() => {
  binding = standInBinding();
  useBinding(binding);
});
afterEach(() => useBinding(undefined));

describe('driver calls with generated arguments (stand-in binding)', () => {
  it('the scheduler driver', async () => {
    const driver = new MesosSchedulerDriver(
      {},
      { framework: { user: 'u', name: 'f' }, master: 'h:5050' },
    );
    driver.start();
    checkCalls(driver, binding.schedulers[0], schedulerCalls, 300);
    driver.stop();
    await driver.join();
  });

  it('the scheduler driver’s constructor', () => {
    const cases = fc.oneof(
      framework.valid.map((value) => ({ value, path: '' })),
      framework.bad('options.framework'),
    );
    assertProperty(
      fc.property(cases, ({ value, path }) => {
        const before = binding.schedulers.length;
        const make = () =>
          new MesosSchedulerDriver({}, { framework: value as never, master: 'h:5050' });
        if (path === '') {
          make();
          expect(binding.schedulers.length).toBe(before + 1);
        } else {
          expect(make).toThrow(
            expect.objectContaining({ name: 'InvalidArgumentError', argument: path }),
          );
          expect(binding.schedulers.length).toBe(before);
        }
      }),
      100,
    );
  });

  it('the executor driver', async () => {
    const driver = new MesosExecutorDriver({}, { environment: AGENT_ENVIRONMENT });
    driver.start();
    checkCalls(driver, binding.executors[0], executorCalls, 100);
    driver.stop();
    await driver.join();
  });
});
