import { InvalidArgumentError, MesosNapiError } from '../../../src/errors';
import { decodeMessage, encodeMessage } from '../../../src/messages';
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

/** A V0Mesos on the stand-in driver, its events recorded. */
function make() {
  const seen: string[] = [];
  const events: v1.Event[] = [];
  const mesos = new v1.V0Mesos(
    {
      connected: () => void seen.push('connected'),
      disconnected: () => void seen.push('disconnected'),
      received: (_m, event) => {
        seen.push(event.type!);
        events.push(event);
      },
    },
    { framework: FRAMEWORK, master: 'localhost:5050' },
  );
  const driver = binding.schedulers[binding.schedulers.length - 1];
  return { mesos, driver, seen, events };
}

const offer = {
  id: { value: 'o1' },
  frameworkId: ID,
  slaveId: { value: 'agent-1' },
  hostname: 'h',
  resources: [{ name: 'cpus', type: 'SCALAR' as const, scalar: { value: 1 } }],
};

describe('V0Mesos (stand-in driver)', () => {
  it('registers with explicit acknowledgements and holds events until SUBSCRIBE', async () => {
    const { mesos, driver, seen, events } = make();
    expect(driver.constructorArgs[2]).toBe(false); // implicitAcknowledgements
    await driver.fire(
      'registered',
      enc('mesos.FrameworkID', ID),
      enc('mesos.MasterInfo', { id: 'm', ip: 1, port: 5050 }),
    );
    await driver.fire('resourceOffers', [enc('mesos.Offer', offer)]);
    await flush();
    expect(seen).toEqual(['connected']);
    mesos.send({ type: 'SUBSCRIBE', subscribe: { frameworkInfo: FRAMEWORK } });
    await flush();
    expect(seen).toEqual(['connected', 'SUBSCRIBED', 'HEARTBEAT', 'OFFERS']);
    expect(events[0].subscribed).toMatchObject({ frameworkId: ID, heartbeatIntervalSeconds: 15 });
    // Evolved: slaveId is agentId.
    expect(events[2].offers!.offers[0].agentId).toEqual({ value: 'agent-1' });
    await mesos.close();
  });

  it('translates calls to the driver, devolving messages (agentId is slaveId)', async () => {
    const { mesos, driver } = make();
    await driver.fire(
      'registered',
      enc('mesos.FrameworkID', ID),
      enc('mesos.MasterInfo', { id: 'm', ip: 1, port: 5050 }),
    );
    mesos.send({ type: 'SUBSCRIBE', subscribe: { frameworkInfo: FRAMEWORK } });
    await flush();
    const task = {
      name: 't',
      taskId: { value: 't' },
      agentId: { value: 'agent-1' },
      resources: [],
      command: { value: 'true' },
    };
    mesos.send({
      type: 'ACCEPT',
      frameworkId: ID,
      accept: {
        offerIds: [offer.id],
        operations: [{ type: 'LAUNCH', launch: { taskInfos: [task] } }],
      },
    });
    const accept = driver.calls.find((c) => c.method === 'acceptOffers')!;
    const [operation] = (accept.args[1] as Uint8Array[]).map((b) =>
      decodeMessage('mesos.Offer.Operation', b),
    );
    expect(operation).toMatchObject({ launch: { taskInfos: [{ slaveId: { value: 'agent-1' } }] } });
    expect(() =>
      mesos.send({
        type: 'ACCEPT',
        frameworkId: ID,
        accept: {
          offerIds: [offer.id],
          operations: [{ type: 'RESERVE', id: { value: 'op' }, reserve: { resources: [] } }],
        },
      }),
    ).toThrow(/^call\.accept\.operations\[0\]\.id: operation feedback needs the v1 API/);
    expect(() =>
      mesos.send({
        type: 'ACKNOWLEDGE',
        frameworkId: ID,
        acknowledge: { agentId: { value: 'a' }, taskId: { value: 't' }, uuid: v1.newUuid() },
      }),
    ).toThrow(/^call\.acknowledge\.uuid: no update with this uuid was delivered/);
    expect(() =>
      mesos.send({
        type: 'SHUTDOWN',
        frameworkId: ID,
        shutdown: { executorId: { value: 'e' }, agentId: { value: 'a' } },
      }),
    ).toThrow(InvalidArgumentError);
    expect(() => mesos.call({ type: 'REVIVE', frameworkId: ID })).toThrow(MesosNapiError);
    expect(() => mesos.reconnect()).toThrow(/cannot reconnect/);
    await mesos.close();
  });

  it('acknowledges an update with the very status the driver delivered', async () => {
    const { mesos, driver, events } = make();
    await driver.fire(
      'registered',
      enc('mesos.FrameworkID', ID),
      enc('mesos.MasterInfo', { id: 'm', ip: 1, port: 5050 }),
    );
    mesos.send({ type: 'SUBSCRIBE', subscribe: { frameworkInfo: FRAMEWORK } });
    const uuid = v1.newUuid();
    const status = {
      taskId: { value: 't' },
      state: 'TASK_RUNNING' as const,
      slaveId: { value: 'agent-1' },
      uuid,
    };
    await driver.fire('statusUpdate', enc('mesos.TaskStatus', status));
    await flush();
    const update = events.find((e) => e.type === 'UPDATE')!.update!.status;
    mesos.send({
      type: 'ACKNOWLEDGE',
      frameworkId: ID,
      acknowledge: { agentId: update.agentId!, taskId: update.taskId, uuid: update.uuid! },
    });
    const ack = driver.calls.find((c) => c.method === 'acknowledgeStatusUpdate')!;
    expect(decodeMessage('mesos.TaskStatus', ack.args[0] as Uint8Array)).toMatchObject(status);
    await mesos.close();
  });
});
