// Until src/messages lands, a JSON stand-in codec ("<name>:<json>") keeps these tests
// about the driver, not the codec.
jest.mock(
  '../../../src/messages',
  () => ({
    encodeMessage(name: string, value: unknown, where: string): Uint8Array {
      if ((value as { bad?: unknown }).bad !== undefined)
        throw new TypeError(`${where}.bad: no such field`);
      return new TextEncoder().encode(`${name}:${JSON.stringify(value)}`);
    },
    decodeMessage(name: string, bytes: Uint8Array): unknown {
      const text = new TextDecoder().decode(bytes);
      if (!text.startsWith(`${name}:`)) throw new Error(`decoding ${name} from ${text}`);
      return JSON.parse(text.slice(name.length + 1)) as unknown;
    },
  }),
  { virtual: true },
);

import { useBinding } from '../../../src/native/load';
import { MesosSchedulerDriver } from '../../../src/scheduler-driver';
import type { Scheduler } from '../../../src/scheduler';
import { Status } from '../../../src/status';
import { InvalidArgumentError } from '../../../src/errors';
import { standInBinding } from '../stand-in-binding';

const enc = (name: string, v: unknown): Uint8Array =>
  new TextEncoder().encode(`${name}:${JSON.stringify(v)}`);
const dec = (b: unknown): string => new TextDecoder().decode(b as Uint8Array);

let binding: ReturnType<typeof standInBinding>;
beforeEach(() => {
  binding = standInBinding();
  useBinding(binding);
});
afterEach(() => useBinding(undefined));

const options = { framework: { user: 'u', name: 'f' }, master: 'localhost:5050' };

function make(scheduler: Scheduler = {}, extra = {}) {
  const driver = new MesosSchedulerDriver(scheduler, { ...options, ...extra });
  return { driver, native: binding.schedulers[0] };
}

describe('MesosSchedulerDriver construction', () => {
  it('passes encoded framework info, master, implicit acks default true, credential, roles', () => {
    const { native } = make({}, { credential: { principal: 'p' }, suppressedRoles: ['r'] });
    const [framework, master, implicit, credential, roles] = native.constructorArgs;
    expect(dec(framework)).toBe('mesos.FrameworkInfo:{"user":"u","name":"f"}');
    expect(master).toBe('localhost:5050');
    expect(implicit).toBe(true);
    expect(dec(credential)).toBe('mesos.Credential:{"principal":"p"}');
    expect(roles).toEqual(['r']);
  });
  it('defaults credential and roles to null', () => {
    const { native } = make({}, { implicitAcknowledgements: false });
    expect(native.constructorArgs.slice(2)).toEqual([false, null, null]);
  });
  it.each([
    'host:5050',
    'master@10.0.0.1:5050',
    'zk://a:2181,b:2181/mesos',
    'zk://u:p@h:2181/m',
    'file:///etc/m',
    'local',
  ])('accepts master %s', (master) => expect(() => make({}, { master })).not.toThrow());
  it.each(['', 'host', 'http://h:5050', 'zk://h', 'file://rel', 'h:99999'])(
    'rejects master %p',
    (master) => {
      expect(() => make({}, { master })).toThrow(/options\.master/);
      expect(binding.schedulers).toHaveLength(0);
    },
  );
  it('names the field the codec rejects', () => {
    expect(() => make({}, { framework: { bad: 1 } })).toThrow(InvalidArgumentError);
    expect(() => make({}, { framework: { bad: 1 } })).toThrow(
      'options.framework: options.framework.bad: no such field',
    );
  });
});

describe('driver calls map to native calls', () => {
  it('encodes every argument', () => {
    const { driver, native } = make({}, { implicitAcknowledgements: false });
    expect(driver.start()).toBe(Status.DRIVER_RUNNING);
    driver.launchTasks({ value: 'o' }, [{ name: 't' }]);
    driver.launchTasks([{ value: 'o1' }, { value: 'o2' }], [], { refuseSeconds: 5 });
    driver.declineOffer({ value: 'o' });
    driver.acceptOffers([{ value: 'o' }], [{ type: 'LAUNCH' }]);
    driver.killTask({ value: 't' });
    driver.reviveOffers();
    driver.suppressOffers(['a']);
    driver.requestResources([{}]);
    driver.acknowledgeStatusUpdate({ uuid: new Uint8Array([1]), slaveId: { value: 's' } });
    driver.sendFrameworkMessage({ value: 'e' }, { value: 's' }, new Uint8Array([7]));
    driver.reconcileTasks([]);
    driver.updateFramework({ user: 'u' }, ['x']);
    const c = native.calls.map((x) => [
      x.method,
      ...x.args.map((a) =>
        a instanceof Uint8Array
          ? dec(a)
          : Array.isArray(a)
            ? a.map((e) => (e instanceof Uint8Array ? dec(e) : e))
            : a,
      ),
    ]);
    expect(c).toEqual([
      ['start'],
      ['launchTasks', ['mesos.OfferID:{"value":"o"}'], ['mesos.TaskInfo:{"name":"t"}'], null],
      [
        'launchTasks',
        ['mesos.OfferID:{"value":"o1"}', 'mesos.OfferID:{"value":"o2"}'],
        [],
        'mesos.Filters:{"refuseSeconds":5}',
      ],
      ['declineOffer', 'mesos.OfferID:{"value":"o"}', null],
      [
        'acceptOffers',
        ['mesos.OfferID:{"value":"o"}'],
        ['mesos.Offer.Operation:{"type":"LAUNCH"}'],
        null,
      ],
      ['killTask', 'mesos.TaskID:{"value":"t"}'],
      ['reviveOffers', null],
      ['suppressOffers', ['a']],
      ['requestResources', ['mesos.Request:{}']],
      ['acknowledgeStatusUpdate', 'mesos.TaskStatus:{"uuid":{"0":1},"slaveId":{"value":"s"}}'],
      [
        'sendFrameworkMessage',
        'mesos.ExecutorID:{"value":"e"}',
        'mesos.SlaveID:{"value":"s"}',
        '\u0007',
      ],
      ['reconcileTasks', []],
      ['updateFramework', 'mesos.FrameworkInfo:{"user":"u"}', ['x'], null],
    ]);
  });
  it('rejects bad input before the native layer', () => {
    const { driver, native } = make();
    expect(() => driver.launchTasks([{ value: 'o' }], [{ name: 'a' }, { bad: 1 }])).toThrow(
      /^tasks\[1\]: /,
    );
    expect(() =>
      driver.acceptOffers([{ value: 'o' }], [{ type: 'LAUNCH', id: { value: 'x' } }]),
    ).toThrow(/operations\[0\]\.id/);
    expect(() => driver.acknowledgeStatusUpdate({ uuid: new Uint8Array(), slaveId: {} })).toThrow(
      /implicitAcknowledgements/,
    );
    expect(() => driver.sendFrameworkMessage({}, {}, 'x' as unknown as Uint8Array)).toThrow(
      /^data: /,
    );
    expect(() => driver.reviveOffers([1] as unknown as string[])).toThrow(/^roles: /);
    expect(() => driver.declineOffer(null as never)).toThrow(/^offerId: /);
    expect(native.calls).toEqual([]);
  });
  it('requires uuid and slave id to acknowledge', () => {
    const { driver } = make({}, { implicitAcknowledgements: false });
    expect(() => driver.acknowledgeStatusUpdate({ slaveId: {} })).toThrow(/status\.uuid/);
    expect(() => driver.acknowledgeStatusUpdate({ uuid: new Uint8Array() })).toThrow(
      /status\.slaveId/,
    );
  });
  it('returns the native status when not running', () => {
    const { driver } = make();
    expect(driver.killTask({ value: 't' })).toBe(Status.DRIVER_NOT_STARTED);
  });
});

describe('event delivery', () => {
  it('decodes and delivers in order, awaiting async handlers', async () => {
    const seen: unknown[] = [];
    const { driver, native } = make({
      async registered(d, id, info) {
        expect(d).toBe(driver);
        await new Promise((r) => setTimeout(r, 5));
        seen.push(['registered', id, info]);
      },
      resourceOffers(_d, offers) {
        seen.push(['offers', offers]);
      },
      executorLost(_d, e, s, status) {
        seen.push(['lost', e, s, status]);
      },
    });
    driver.start();
    const r = native.dispatch(
      'registered',
      enc('mesos.FrameworkID', { value: 'f' }),
      enc('mesos.MasterInfo', { id: 'm' }),
    );
    expect(r).toBeInstanceOf(Promise);
    expect(seen).toEqual([]);
    await expect(r).resolves.toBeUndefined();
    expect(native.dispatch('resourceOffers', [enc('mesos.Offer', { id: 1 })])).toBeUndefined();
    expect(native.dispatch('disconnected')).toBeUndefined(); // left out: nothing
    native.dispatch(
      'executorLost',
      enc('mesos.ExecutorID', { value: 'e' }),
      enc('mesos.SlaveID', { value: 's' }),
      9,
    );
    expect(seen).toEqual([
      ['registered', { value: 'f' }, { id: 'm' }],
      ['offers', [{ id: 1 }]],
      ['lost', { value: 'e' }, { value: 's' }, 9],
    ]);
  });

  it('a throwing callback aborts and join rejects with the same error; destroy after', async () => {
    const boom = new Error('boom');
    const { driver, native } = make({
      error() {
        throw boom;
      },
    });
    const run = driver.run();
    expect(native.dispatch('error', 'x')).toBeUndefined();
    await expect(run).rejects.toBe(boom);
    expect(native.calls.map((c) => c.method)).toEqual(['start', 'join', 'abort', 'destroy']);
    expect(driver.start()).toBe(Status.DRIVER_ABORTED);
  });

  it('a rejecting callback aborts; later events are dropped', async () => {
    const boom = new Error('async boom');
    const seen: string[] = [];
    const { driver, native } = make({
      async disconnected() {
        await Promise.resolve();
        throw boom;
      },
      error(_d, m) {
        seen.push(m);
      },
    });
    driver.start();
    const joined = driver.join();
    await expect(native.dispatch('disconnected')).resolves.toBeUndefined();
    native.dispatch('error', 'late');
    await expect(joined).rejects.toBe(boom);
    expect(seen).toEqual([]);
  });

  it('stop from inside a handler ends join with DRIVER_STOPPED and drops later events', async () => {
    const seen: string[] = [];
    const { driver, native } = make({
      reregistered(d) {
        seen.push('rereg');
        expect(d.stop()).toBe(Status.DRIVER_STOPPED);
      },
      disconnected() {
        seen.push('disc');
      },
    });
    const run = driver.run();
    native.dispatch('reregistered', enc('mesos.MasterInfo', {}));
    native.dispatch('disconnected');
    await expect(run).resolves.toBe(Status.DRIVER_STOPPED);
    expect(seen).toEqual(['rereg']);
    expect(native.calls.map((c) => c.method)).toEqual(['start', 'join', 'stop', 'destroy']);
    expect(native.calls[2].args).toEqual([false]);
  });

  it('a callback that fails to decode aborts with the decoding error', async () => {
    const { driver, native } = make({ statusUpdate() {} });
    const run = driver.run();
    native.dispatch('statusUpdate', enc('mesos.Wrong', {}));
    await expect(run).rejects.toThrow(/decoding mesos.TaskStatus/);
  });
});
