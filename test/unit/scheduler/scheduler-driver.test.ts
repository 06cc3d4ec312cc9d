import { spawnSync } from 'child_process';
import * as path from 'path';
import { InvalidArgumentError } from '../../../src/errors';
import { decodeMessage, encodeMessage } from '../../../src/messages';
import { useBinding } from '../../../src/native/load';
import type { Scheduler } from '../../../src/scheduler/scheduler';
import { MesosSchedulerDriver } from '../../../src/scheduler/scheduler-driver';
import { Status } from '../../../src/status';
import { standInBinding } from '../../support/stand-in-binding';

const enc = (name: string, value: object): Uint8Array => encodeMessage(name, value, 'test');
const dec = (name: string, bytes: unknown): unknown => decodeMessage(name, bytes as Uint8Array);

let binding: ReturnType<typeof standInBinding>;
beforeEach(() => {
  binding = standInBinding();
  useBinding(binding);
});
afterEach(() => useBinding(undefined));

const options = { framework: { user: 'u', name: 'f' }, master: 'localhost:5050' };
const offer = {
  id: { value: 'o1' },
  frameworkId: { value: 'f' },
  slaveId: { value: 's' },
  hostname: 'h',
  resources: [{ name: 'cpus', type: 'SCALAR' as const, scalar: { value: 2 } }],
};
const task = {
  name: 't',
  taskId: { value: 't1' },
  slaveId: { value: 's' },
  command: { value: 'true' },
  resources: offer.resources,
};

function make(scheduler: Scheduler = {}, extra = {}) {
  const driver = new MesosSchedulerDriver(scheduler, { ...options, ...extra });
  return { driver, native: binding.schedulers[binding.schedulers.length - 1] };
}

describe('MesosSchedulerDriver construction', () => {
  it('passes the encoded framework, master, implicit acks (default true), credential and roles', () => {
    const { native } = make({}, { credential: { principal: 'p' }, suppressedRoles: ['r'] });
    const [framework, master, implicit, credential, roles] = native.constructorArgs;
    expect(dec('mesos.FrameworkInfo', framework)).toMatchObject({
      user: 'u',
      name: 'f',
      roles: [],
      capabilities: [],
    });
    expect(master).toBe('localhost:5050');
    expect(implicit).toBe(true);
    expect(dec('mesos.Credential', credential)).toEqual({ principal: 'p' });
    expect(roles).toEqual(['r']);
  });

  it('defaults credential and suppressed roles to null', () => {
    const { native } = make({}, { implicitAcknowledgements: false });
    expect(native.constructorArgs.slice(2)).toEqual([false, null, null, null, null]);
  });

  it.each([
    'host:5050',
    'master@10.0.0.1:5050',
    'zk://a:2181,b:2181/mesos',
    'zk://u:p@h:2181/m',
    'file:///etc/m',
  ])('accepts master %s', (master) => expect(() => make({}, { master })).not.toThrow());

  it.each(['', 'host', 'http://h:5050', 'zk://h', 'file://rel', 'h:99999'])(
    'rejects master %p',
    (master) => {
      expect(() => make({}, { master })).toThrow(/^options\.master: /);
      expect(binding.schedulers).toHaveLength(0);
    },
  );

  it('names the field that does not encode, as an InvalidArgumentError (a TypeError)', () => {
    const attempt = () => make({}, { framework: { user: 'u', name: 'f', nmae: 1 } });
    expect(attempt).toThrow(InvalidArgumentError);
    expect(attempt).toThrow(TypeError);
    expect(attempt).toThrow('options.framework.nmae: unknown field of mesos.FrameworkInfo');
    expect(() => make({}, { framework: { user: 'u' } })).toThrow(
      'options.framework.name: required field missing',
    );
  });
});

describe('driver calls map to native calls with the right bytes', () => {
  it('encodes every argument of every call', () => {
    const { driver, native } = make({}, { implicitAcknowledgements: false });
    expect(driver.start()).toBe(Status.DRIVER_RUNNING);
    const status = {
      taskId: { value: 't1' },
      state: 'TASK_RUNNING' as const,
      uuid: new Uint8Array([1]),
      slaveId: { value: 's' },
    };
    expect(driver.launchTasks({ value: 'o1' }, [task])).toBe(Status.DRIVER_RUNNING);
    driver.launchTasks([{ value: 'o1' }, { value: 'o2' }], [], { refuseSeconds: 5 });
    driver.declineOffer({ value: 'o1' });
    driver.acceptOffers([{ value: 'o1' }], [{ type: 'LAUNCH', launch: { taskInfos: [task] } }], {
      refuseSeconds: 1,
    });
    driver.killTask({ value: 't1' });
    driver.reviveOffers();
    driver.suppressOffers(['a']);
    driver.requestResources([{ slaveId: { value: 's' } }]);
    driver.acknowledgeStatusUpdate(status);
    driver.sendFrameworkMessage({ value: 'e' }, { value: 's' }, new Uint8Array([7]));
    driver.reconcileTasks([{ taskId: { value: 't1' }, state: 'TASK_STAGING' }]);
    driver.updateFramework({ user: 'u', name: 'g' }, ['x'], { roleConstraints: {} });
    const [
      launch1,
      launch2,
      decline,
      accept,
      kill,
      revive,
      suppress,
      request,
      ack,
      message,
      reconcile,
      update,
    ] = native.calls.filter((call) => call.method !== 'join').slice(1);
    expect(
      native.calls.filter((call) => call.method !== 'join').map((call) => call.method),
    ).toEqual([
      'start',
      'launchTasks',
      'launchTasks',
      'declineOffer',
      'acceptOffers',
      'killTask',
      'reviveOffers',
      'suppressOffers',
      'requestResources',
      'acknowledgeStatusUpdate',
      'sendFrameworkMessage',
      'reconcileTasks',
      'updateFramework',
    ]);
    expect((launch1.args[0] as Uint8Array[]).map((b) => dec('mesos.OfferID', b))).toEqual([
      { value: 'o1' },
    ]);
    expect(dec('mesos.TaskInfo', (launch1.args[1] as Uint8Array[])[0])).toMatchObject(task);
    expect(launch1.args[2]).toBeNull();
    expect((launch2.args[0] as Uint8Array[]).map((b) => dec('mesos.OfferID', b))).toEqual([
      { value: 'o1' },
      { value: 'o2' },
    ]);
    expect(dec('mesos.Filters', launch2.args[2])).toEqual({ refuseSeconds: 5 });
    expect(dec('mesos.OfferID', decline.args[0])).toEqual({ value: 'o1' });
    expect(decline.args[1]).toBeNull();
    expect(dec('mesos.Offer.Operation', (accept.args[1] as Uint8Array[])[0])).toMatchObject({
      type: 'LAUNCH',
      launch: { taskInfos: [task] },
    });
    expect(dec('mesos.TaskID', kill.args[0])).toEqual({ value: 't1' });
    expect(revive.args).toEqual([null]);
    expect(suppress.args).toEqual([['a']]);
    expect(dec('mesos.Request', (request.args[0] as Uint8Array[])[0])).toEqual({
      slaveId: { value: 's' },
      resources: [],
    });
    expect(dec('mesos.TaskStatus', ack.args[0])).toEqual(status);
    expect(dec('mesos.ExecutorID', message.args[0])).toEqual({ value: 'e' });
    expect(message.args[2]).toEqual(new Uint8Array([7]));
    expect(dec('mesos.TaskStatus', (reconcile.args[0] as Uint8Array[])[0])).toEqual({
      taskId: { value: 't1' },
      state: 'TASK_STAGING',
    });
    expect(dec('mesos.FrameworkInfo', update.args[0])).toMatchObject({ user: 'u', name: 'g' });
    expect(update.args[1]).toEqual(['x']);
    expect(dec('mesos.scheduler.OfferConstraints', update.args[2])).toEqual({
      roleConstraints: {},
    });
  });

  it('rejects bad input before anything reaches the native driver', () => {
    const { driver, native } = make();
    driver.start();
    const bad = { ...task, resources: [{ name: 'cpus', type: 'SCALAR', scalar: { value: '1' } }] };
    expect(() => driver.launchTasks([{ value: 'o' }], [task, bad as never])).toThrow(
      "tasks[1].resources[0].scalar.value: expected a number, got '1'",
    );
    expect(() =>
      driver.acceptOffers([{ value: 'o' }], [{ type: 'LAUNCH', id: { value: 'x' } }]),
    ).toThrow(/^operations\[0\]\.id: /);
    expect(() =>
      driver.acknowledgeStatusUpdate({ taskId: { value: 't' }, state: 'TASK_RUNNING' }),
    ).toThrow(/implicitAcknowledgements: false/);
    expect(() => driver.sendFrameworkMessage({ value: 'e' }, { value: 's' }, 'x' as never)).toThrow(
      /^data: /,
    );
    expect(() => driver.reviveOffers([1] as never)).toThrow(/^roles: /);
    expect(() => driver.declineOffer(null as never)).toThrow(/^offerId: /);
    expect(() => driver.stop('yes' as never)).toThrow(/^failover: /);
    expect(native.calls.map((call) => call.method)).toEqual(['start', 'join']);
  });

  it('acknowledges an update without uuid or agent id as libmesos does: passed on, skipped there', () => {
    const { driver, native } = make({}, { implicitAcknowledgements: false });
    driver.start();
    const base = { taskId: { value: 't' }, state: 'TASK_RUNNING' as const };
    expect(driver.acknowledgeStatusUpdate({ ...base, slaveId: { value: 's' } })).toBe(
      Status.DRIVER_RUNNING,
    );
    expect(driver.acknowledgeStatusUpdate({ ...base, uuid: new Uint8Array([1]) })).toBe(
      Status.DRIVER_RUNNING,
    );
    expect(native.calls.filter((call) => call.method === 'acknowledgeStatusUpdate')).toHaveLength(
      2,
    );
  });

  it('returns the native status when not running, as in Java', () => {
    const { driver } = make();
    expect(driver.killTask({ value: 't' })).toBe(Status.DRIVER_NOT_STARTED);
  });
});

describe('event delivery', () => {
  it('decodes and delivers, returning the async handler’s promise to the native side', async () => {
    const seen: unknown[] = [];
    const { driver, native } = make({
      async registered(d, id, info) {
        expect(d).toBe(driver);
        await new Promise((resolve) => setTimeout(resolve, 5));
        seen.push(['registered', id, info.id]);
      },
      resourceOffers(_d, offers) {
        seen.push(['offers', offers.map((o) => o.id.value)]);
      },
      executorLost(_d, executorId, slaveId, status) {
        seen.push(['lost', executorId, slaveId, status]);
      },
    });
    driver.start();
    const pending = native.dispatch(
      'registered',
      enc('mesos.FrameworkID', { value: 'f' }),
      enc('mesos.MasterInfo', { id: 'm', ip: 1, port: 5050 }),
    );
    expect(pending).toBeInstanceOf(Promise);
    expect(seen).toEqual([]);
    await expect(pending).resolves.toBeUndefined();
    expect(native.dispatch('resourceOffers', [enc('mesos.Offer', offer)])).toBeUndefined();
    expect(native.dispatch('disconnected')).toBeUndefined();
    native.dispatch(
      'executorLost',
      enc('mesos.ExecutorID', { value: 'e' }),
      enc('mesos.SlaveID', { value: 's' }),
      9,
    );
    expect(seen).toEqual([
      ['registered', { value: 'f' }, 'm'],
      ['offers', ['o1']],
      ['lost', { value: 'e' }, { value: 's' }, 9],
    ]);
    driver.stop();
    await driver.join();
  });

  it('runs handlers one at a time even when the native side does not wait', async () => {
    const order: string[] = [];
    let release!: () => void;
    const { driver, native } = make({
      async resourceOffers() {
        order.push('offers:start');
        await new Promise<void>((resolve) => (release = resolve));
        order.push('offers:end');
      },
      offerRescinded(_d, offerId) {
        order.push(`rescinded:${offerId.value}`);
      },
    });
    driver.start();
    native.dispatch('resourceOffers', [enc('mesos.Offer', offer)]);
    const second = native.dispatch('offerRescinded', enc('mesos.OfferID', { value: 'o1' }));
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(order).toEqual(['offers:start']);
    release();
    await second;
    expect(order).toEqual(['offers:start', 'offers:end', 'rescinded:o1']);
    expect(
      native.dispatch('offerRescinded', enc('mesos.OfferID', { value: 'o2' })),
    ).toBeUndefined();
    expect(order).toHaveLength(4);
    driver.stop();
    await driver.join();
  });

  it('a throwing callback aborts the driver and join rejects with that very error', async () => {
    const boom = new Error('boom');
    const { driver, native } = make({
      error() {
        throw boom;
      },
    });
    const run = driver.run();
    expect(native.dispatch('error', 'x')).toBeUndefined();
    await expect(run).rejects.toBe(boom);
    expect(native.calls.map((call) => call.method)).toEqual(['start', 'join', 'abort', 'destroy']);
    expect(driver.start()).toBe(Status.DRIVER_ABORTED);
  });

  it('a rejecting callback aborts; later events are dropped, error() excepted', async () => {
    const boom = new Error('async boom');
    const seen: string[] = [];
    const { driver, native } = make({
      async disconnected() {
        await Promise.resolve();
        throw boom;
      },
      slaveLost() {
        seen.push('slaveLost');
      },
      error(_d, message) {
        seen.push(message);
      },
    });
    driver.start();
    const joined = driver.join();
    await expect(native.dispatch('disconnected')).resolves.toBeUndefined();
    native.dispatch('slaveLost', new Uint8Array());
    native.dispatch('error', 'still delivered');
    await expect(joined).rejects.toBe(boom);
    expect(seen).toEqual(['still delivered']);
  });

  it('stop from inside a handler resolves run with DRIVER_STOPPED and drops later events', async () => {
    const seen: string[] = [];
    const { driver, native } = make({
      reregistered(d) {
        seen.push('reregistered');
        expect(d.stop()).toBe(Status.DRIVER_STOPPED);
      },
      disconnected() {
        seen.push('disconnected');
      },
    });
    const run = driver.run();
    native.dispatch('reregistered', enc('mesos.MasterInfo', { id: 'm', ip: 1, port: 1 }));
    native.dispatch('disconnected');
    await expect(run).resolves.toBe(Status.DRIVER_STOPPED);
    expect(seen).toEqual(['reregistered']);
    expect(native.calls.map((call) => call.method)).toEqual(['start', 'join', 'stop', 'destroy']);
    expect(native.calls[2].args).toEqual([false]);
  });

  it('an event that does not decode aborts with the decoding error', async () => {
    const { driver, native } = make({ statusUpdate() {} });
    const run = driver.run();
    native.dispatch('statusUpdate', new Uint8Array([0xff, 0xff, 0xff]));
    await expect(run).rejects.toThrow();
  });

  it('a failure nobody joined is rethrown as an uncaught exception, not lost', () => {
    const fixture = path.join(__dirname, 'fixtures', 'unjoined-failure.js');
    const result = spawnSync(process.execPath, [fixture], { encoding: 'utf8', timeout: 20_000 });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('Error: thrown by a callback nobody joined');
  });
});
