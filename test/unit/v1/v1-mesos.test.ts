import { CallFailedError, InvalidArgumentError, NotSubscribedError } from '../../../src/errors';
import { decodeMessage, encodeMessage } from '../../../src/messages';
import { useBinding } from '../../../src/native/load';
import { v1 } from '../../../src';
import { standInBinding, type StandInV1Library } from '../../support/stand-in-binding';

let binding: ReturnType<typeof standInBinding>;
beforeEach(() => {
  binding = standInBinding();
  useBinding(binding);
});
afterEach(() => useBinding(undefined));

const FRAMEWORK = { user: 'u', name: 'f' };
const ID = { value: 'fw-1' };
const subscribe = { type: 'SUBSCRIBE' as const, subscribe: { frameworkInfo: FRAMEWORK } };
const revive = { type: 'REVIVE' as const, frameworkId: ID };

function event(value: v1.Event): Uint8Array {
  return encodeMessage('mesos.v1.scheduler.Event', value, 'event');
}

/** A V1Mesos on the stand-in binding, connected and (unless told) subscribed. */
async function make(subscribed = true, scheduler: v1.Scheduler = {}) {
  const mesos = new v1.V1Mesos(scheduler, { master: 'localhost:5050' });
  const native: StandInV1Library = binding.v1[binding.v1.length - 1];
  await native.dispatch('connected');
  if (subscribed) {
    await native.dispatch(
      'received',
      event({ type: 'SUBSCRIBED', subscribed: { frameworkId: ID } }),
    );
  }
  return { mesos, native };
}

describe('V1Mesos (stand-in binding)', () => {
  it('passes the encoded call to libmesos once subscribed', async () => {
    const { mesos, native } = await make();
    mesos.send(revive);
    const [bytes] = native.calls[0].args as [Uint8Array];
    expect(decodeMessage('mesos.v1.scheduler.Call', bytes)).toMatchObject(revive);
    await mesos.close();
  });

  it('refuses, naming the field, what libmesos would drop', async () => {
    const { mesos, native } = await make();
    const cases: [unknown, RegExp][] = [
      [{ frameworkId: ID }, /^call\.type: is required/],
      [{ type: 'KILL', frameworkId: ID }, /^call\.kill: is required in a KILL call/],
      [{ type: 'REVIVE' }, /^call\.frameworkId: is required in a REVIVE call/],
      [{ type: 'SUBSCRIBE' }, /^call\.subscribe: is required/],
      [
        { ...subscribe, frameworkId: ID },
        /^call\.frameworkId: must equal call\.subscribe\.frameworkInfo\.id/,
      ],
      [
        { type: 'SUBSCRIBE', subscribe: { frameworkInfo: { user: '', name: 'f' } } },
        /^call\.subscribe\.frameworkInfo\.user: is empty/,
      ],
      [
        {
          type: 'ACKNOWLEDGE',
          frameworkId: ID,
          acknowledge: { agentId: { value: 'a' }, taskId: { value: 't' }, uuid: new Uint8Array(3) },
        },
        /^call\.acknowledge\.uuid: expected the 16 bytes of a UUID/,
      ],
      [
        {
          type: 'ACKNOWLEDGE_OPERATION_STATUS',
          frameworkId: ID,
          acknowledgeOperationStatus: { uuid: v1.newUuid(), operationId: { value: 'o' } },
        },
        /^call\.acknowledgeOperationStatus\.agentId: is required/,
      ],
      [
        {
          type: 'UPDATE_FRAMEWORK',
          frameworkId: ID,
          updateFramework: { frameworkInfo: { ...FRAMEWORK, id: { value: 'other' } } },
        },
        /^call\.updateFramework\.frameworkInfo\.id: must equal call\.frameworkId/,
      ],
      [{ type: 'REVIVE', frameworkId: { value: 7 } }, /^call\.frameworkId\.value/],
    ];
    for (const [call, message] of cases) {
      let thrown: unknown;
      try {
        mesos.send(call as v1.Call);
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBeInstanceOf(InvalidArgumentError);
      expect((thrown as Error).message).toMatch(message);
    }
    expect(native.calls).toEqual([]);
    await mesos.close();
  });

  it('sends UPDATE_FRAMEWORK through call() only (its 200 OK would kill the process in send())', async () => {
    const { mesos, native } = await make();
    const update = {
      type: 'UPDATE_FRAMEWORK' as const,
      frameworkId: ID,
      updateFramework: { frameworkInfo: { ...FRAMEWORK, id: ID } },
    };
    expect(() => mesos.send(update)).toThrow(/^call\.type: UPDATE_FRAMEWORK must go through call/);
    expect(() => mesos.call(subscribe)).toThrow(/^call\.type: SUBSCRIBE must go through send/);
    const answer = mesos.call(update);
    const [, onDone] = native.calls[0].args as [
      Uint8Array,
      (failure: string | null, result: Uint8Array | null) => void,
    ];
    onDone(null, encodeMessage('mesos.v1.scheduler.APIResult', { statusCode: 200 }, 'r'));
    await expect(answer).resolves.toEqual({ statusCode: 200 });
    const failed = mesos.call(revive);
    (native.calls[1].args[1] as (failure: string | null) => void)(
      'Connection to master interrupted',
    );
    await expect(failed).rejects.toThrow(CallFailedError);
    await mesos.close();
  });

  it('call(TEARDOWN): the connection closed before the answer resolves and closes; a call never sent rejects; a 403 is an answer and keeps the library', async () => {
    type OnDone = (failure: string | null, result: Uint8Array | null) => void;
    const teardown = { type: 'TEARDOWN' as const, frameworkId: ID };
    const closedFirst = await make();
    const resolved = closedFirst.mesos.call(teardown);
    (closedFirst.native.calls[0].args[1] as OnDone)('Disconnected', null);
    await expect(resolved).resolves.toEqual({ statusCode: 202, closedBeforeAnswer: true });
    await closedFirst.mesos.closed;
    expect(closedFirst.native.closed).toBe(true);

    const neverSent = await make();
    const rejected = neverSent.mesos.call(teardown);
    (neverSent.native.calls[0].args[1] as OnDone)('Connection to master interrupted', null);
    await expect(rejected).rejects.toThrow('TEARDOWN: Connection to master interrupted');
    expect(neverSent.native.closed).toBe(false);

    const refused = await make();
    const forbidden = refused.mesos.call(teardown);
    const answer = { statusCode: 403, error: 'Forbidden' };
    (refused.native.calls[0].args[1] as OnDone)(
      null,
      encodeMessage('mesos.v1.scheduler.APIResult', answer, 'r'),
    );
    await expect(forbidden).resolves.toEqual(answer);
    expect(refused.native.closed).toBe(false);
    await neverSent.mesos.close();
    await refused.mesos.close();
  });

  it('after send(TEARDOWN): connected() is not called again; the library closes on disconnection', async () => {
    const seen: string[] = [];
    const { mesos, native } = await make(true, {
      connected: () => void seen.push('connected'),
      disconnected: () => void seen.push('disconnected'),
    });
    mesos.send({ type: 'TEARDOWN', frameworkId: ID });
    await native.dispatch('disconnected');
    await native.dispatch('connected');
    await mesos.closed;
    expect(seen).toEqual(['connected', 'disconnected']);
    expect(native.closed).toBe(true);
  });

  it('refuses calls libmesos would drop for its state: before connected, subscribed, after close', async () => {
    const mesos = new v1.V1Mesos({}, { master: 'localhost:5050' });
    const native = binding.v1[0];
    expect(() => mesos.send(subscribe)).toThrow(NotSubscribedError);
    await native.dispatch('connected');
    expect(() => mesos.send(revive)).toThrow(/not subscribed yet/);
    mesos.send(subscribe);
    await native.dispatch(
      'received',
      event({ type: 'SUBSCRIBED', subscribed: { frameworkId: ID } }),
    );
    mesos.send(revive);
    expect(() => mesos.send(subscribe)).toThrow(/already subscribed/);
    await native.dispatch('disconnected');
    expect(() => mesos.send(revive)).toThrow(/not connected/);
    await mesos.close();
    expect(() => mesos.send(subscribe)).toThrow(/closed/);
    expect(native.calls.map((c) => c.method)).toEqual(['send', 'send']);
  });

  it('delivers decoded events one at a time; a handler that throws closes it and rejects closed', async () => {
    const seen: string[] = [];
    const failure = new Error('handler failed');
    const { mesos, native } = await make(false, {
      received: async (_mesos, e) => {
        seen.push(`start ${e.type}`);
        await new Promise((resolve) => setTimeout(resolve, 10));
        seen.push(`end ${e.type}`);
        if (e.type === 'HEARTBEAT') throw failure;
      },
    });
    void native.dispatch(
      'received',
      event({ type: 'SUBSCRIBED', subscribed: { frameworkId: ID } }),
    );
    void native.dispatch('received', event({ type: 'HEARTBEAT' }));
    void native.dispatch('received', event({ type: 'HEARTBEAT' }));
    await expect(mesos.closed).rejects.toBe(failure);
    expect(native.closed).toBe(true);
    expect(seen).toEqual([
      'start SUBSCRIBED',
      'end SUBSCRIBED',
      'start HEARTBEAT',
      'end HEARTBEAT',
    ]);
  });

  it('checks the master and the options before constructing the library', () => {
    expect(() => new v1.V1Mesos({}, { master: 'nowhere' })).toThrow(/^options\.master:/);
    expect(() => new v1.V1Mesos({}, { master: 'zk://h:2181/' })).toThrow(/no ZooKeeper path/);
    expect(
      () => new v1.V1Mesos({}, { master: 'h:5050', credential: { secret: 's' } as never }),
    ).toThrow(/^options\.credential\.principal/);
    expect(binding.v1).toHaveLength(0);
  });
});
