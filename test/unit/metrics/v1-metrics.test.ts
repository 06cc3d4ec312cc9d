import { encodeMessage } from '../../../src/messages';
import { useBinding } from '../../../src/native/load';
import { v1 } from '../../../src';
import { standInBinding } from '../../support/stand-in-binding';

let binding: ReturnType<typeof standInBinding>;
beforeEach(() => {
  binding = standInBinding();
  useBinding(binding);
});
afterEach(() => useBinding(undefined));

const FRAMEWORK = { user: 'u', name: 'f' };
const ID = { value: 'fw-1' };
const enc = (name: string, value: object) => encodeMessage(name, value, 'test');
const flush = () => new Promise((resolve) => setImmediate(resolve));
const offer = (id: string) => ({
  id: { value: id },
  frameworkId: ID,
  agentId: { value: 'agent-1' },
  hostname: 'h',
  resources: [{ name: 'cpus', type: 'SCALAR' as const, scalar: { value: 1 } }],
});
const status = (state: string) => ({
  taskId: { value: 't' },
  state,
  agentId: { value: 'agent-1' },
  uuid: new Uint8Array([1]),
});

test('V1Mesos: events by type, offers, updates by state, calls sent and answered', async () => {
  const mesos = new v1.V1Mesos(
    {
      connected: (m) => m.send({ type: 'SUBSCRIBE', subscribe: { frameworkInfo: FRAMEWORK } }),
    },
    { master: 'localhost:5050' },
  );
  const library = binding.v1[0];
  const event = (value: object) =>
    library.dispatch('received', enc('mesos.v1.scheduler.Event', value));
  expect(mesos.metrics().state).toBe('disconnected');
  library.dispatch('connected');
  event({ type: 'SUBSCRIBED', subscribed: { frameworkId: ID } });
  event({ type: 'OFFERS', offers: { offers: [offer('o1'), offer('o2'), offer('o3')] } });
  event({ type: 'RESCIND', rescind: { offerId: { value: 'o3' } } });
  event({ type: 'UPDATE', update: { status: status('TASK_RUNNING') } });
  event({ type: 'UPDATE', update: { status: status('TASK_FINISHED') } });
  await flush();
  mesos.send({
    type: 'ACCEPT',
    frameworkId: ID,
    accept: {
      offerIds: [{ value: 'o1' }],
      operations: [{ type: 'LAUNCH', launch: { taskInfos: [] } }],
    },
  });
  mesos.send({ type: 'DECLINE', frameworkId: ID, decline: { offerIds: [{ value: 'o2' }] } });
  const answer = mesos.call({ type: 'RECONCILE', frameworkId: ID, reconcile: { tasks: [] } });
  const [, onDone] = library.calls.find((c) => c.method === 'call')!.args as [
    Uint8Array,
    (failure: string | null, result: Uint8Array | null) => void,
  ];
  onDone(null, enc('mesos.v1.scheduler.APIResult', { statusCode: 202 }));
  await answer;
  const m = mesos.metrics();
  expect(m.source).toBe('v1-mesos');
  expect(m.state).toBe('subscribed');
  expect(m.events).toEqual({ connected: 1, SUBSCRIBED: 1, OFFERS: 1, RESCIND: 1, UPDATE: 2 });
  expect(m.updates).toEqual({ TASK_RUNNING: 1, TASK_FINISHED: 1 });
  expect(m.offers).toEqual({ received: 3, rescinded: 1, declined: 1, used: 1 });
  expect(m.calls).toEqual({
    SUBSCRIBE: { sent: 1 },
    ACCEPT: { sent: 1 },
    DECLINE: { sent: 1 },
    RECONCILE: { answered: 1 },
  });
  expect(m.handlerSeconds.count).toBe(6);
  await mesos.close();
  expect(mesos.metrics().state).toBe('closed');
});

test('V0Mesos: v1 events and calls, with the scheduler driver’s state', async () => {
  const mesos = new v1.V0Mesos(
    { connected: () => undefined, received: () => undefined },
    { framework: FRAMEWORK, master: 'localhost:5050' },
  );
  const driver = binding.schedulers[0];
  await driver.fire(
    'registered',
    enc('mesos.FrameworkID', ID),
    enc('mesos.MasterInfo', { id: 'm', ip: 1, port: 5050 }),
  );
  await driver.fire('resourceOffers', [
    enc('mesos.Offer', {
      id: { value: 'o1' },
      frameworkId: ID,
      slaveId: { value: 'agent-1' },
      hostname: 'h',
    }),
  ]);
  mesos.send({ type: 'SUBSCRIBE', subscribe: { frameworkInfo: FRAMEWORK } });
  await flush();
  mesos.send({ type: 'DECLINE', frameworkId: ID, decline: { offerIds: [{ value: 'o1' }] } });
  const m = mesos.metrics();
  expect(m.source).toBe('v0-mesos');
  expect(m.state).toBe('DRIVER_RUNNING');
  expect(m.events).toEqual({ connected: 1, SUBSCRIBED: 1, HEARTBEAT: 1, OFFERS: 1 });
  expect(m.offers).toEqual({ received: 1, rescinded: 0, declined: 1, used: 0 });
  expect(m.calls).toEqual({ SUBSCRIBE: { sent: 1 }, DECLINE: { sent: 1 } });
  expect(m.handlerSeconds.count).toBe(4);
  expect(m.queued).toEqual({ now: 0, max: expect.any(Number) });
  await mesos.close();
});
