import {
  commandInfo,
  createVolume,
  destroyVolume,
  executorInfo,
  healthCheck,
  killPolicy,
  launch,
  launchGroup,
  persistentVolume,
  reserve,
  scalar,
  taskInfo,
  unreserve,
  withReservation,
} from '../../../src/helpers';
import { decodeMessage, encodeMessage } from '../../../src/messages';

/** What the master would receive: the operation encoded, then decoded. */
const wire = (operation: unknown) =>
  decodeMessage('mesos.Offer.Operation', encodeMessage('mesos.Offer.Operation', operation, 'op'));

const offered = (name: string, value: number) =>
  scalar(name, value, { allocationInfo: { role: 'role1' } });
const reservation = { role: 'role1', principal: 'ops' };

describe('reservation builders', () => {
  it('reserve pushes a dynamic reservation on each resource, keeping its allocation', () => {
    expect(wire(reserve([offered('cpus', 1)], { ...reservation, labels: { a: 'b' } }))).toEqual({
      type: 'RESERVE',
      reserve: {
        source: [],
        resources: [
          {
            name: 'cpus',
            type: 'SCALAR',
            scalar: { value: 1 },
            allocationInfo: { role: 'role1' },
            reservations: [
              {
                type: 'DYNAMIC',
                role: 'role1',
                principal: 'ops',
                labels: { labels: [{ key: 'a', value: 'b' }] },
              },
            ],
          },
        ],
      },
    });
  });

  it('refines: a reservation for a subrole goes on top of the one for its parent', () => {
    const eng = scalar('cpus', 1, {
      allocationInfo: { role: 'eng/web' },
      reservations: [{ type: 'STATIC', role: 'eng' }],
    });
    expect(withReservation([eng], { role: 'eng/web' })[0].reservations).toEqual([
      { type: 'STATIC', role: 'eng' },
      { type: 'DYNAMIC', role: 'eng/web' },
    ]);
  });

  it('reserve refuses what the master would: another role, the pre-refinement format, nothing', () => {
    expect(() => reserve([offered('cpus', 1)], { role: 'role2' })).toThrow(
      /allocated to 'role1', but the reservation is for 'role2'/,
    );
    expect(() => reserve([{ ...scalar('cpus', 1), role: 'role1' }], reservation)).toThrow(
      /pre-refinement/,
    );
    expect(() => reserve([], reservation)).toThrow('reserve: no resources given');
  });

  it('unreserve takes dynamically reserved resources only, and not volumes', () => {
    const reserved = withReservation([offered('mem', 64)], reservation);
    expect(wire(unreserve(reserved))).toMatchObject({
      type: 'UNRESERVE',
      unreserve: { resources: reserved },
    });
    expect(() => unreserve([offered('mem', 64)])).toThrow(/not dynamically reserved/);
    const volume = persistentVolume(withReservation([offered('disk', 64)], reservation)[0], {
      id: 'v',
      containerPath: 'data',
    });
    expect(() => unreserve([volume])).toThrow(/persistent volume 'v'; destroy it first/);
  });
});

describe('volume builders', () => {
  const disk = withReservation([offered('disk', 64)], reservation)[0];

  it('persistentVolume, createVolume and destroyVolume encode as the master expects', () => {
    const volume = persistentVolume(disk, { id: 'v1', containerPath: 'data', principal: 'ops' });
    expect(wire(createVolume([volume]))).toMatchObject({
      type: 'CREATE',
      create: {
        volumes: [
          {
            name: 'disk',
            reservations: [{ type: 'DYNAMIC', role: 'role1', principal: 'ops' }],
            disk: {
              persistence: { id: 'v1', principal: 'ops' },
              volume: { mode: 'RW', containerPath: 'data' },
            },
          },
        ],
      },
    });
    expect(wire(destroyVolume([volume]))).toMatchObject({
      type: 'DESTROY',
      destroy: { volumes: [volume] },
    });
  });

  it('refuse unreserved disk, other resources, and what is not a volume', () => {
    expect(() => persistentVolume(offered('disk', 64), { id: 'v', containerPath: 'd' })).toThrow(
      /not reserved/,
    );
    expect(() => persistentVolume(offered('mem', 64), { id: 'v', containerPath: 'd' })).toThrow(
      /expected a scalar 'disk' resource/,
    );
    expect(() => createVolume([disk])).toThrow(/volumes\[0\] \(disk\) is not a persistent volume/);
    expect(() => destroyVolume([])).toThrow('destroyVolume: no volumes given');
  });
});

describe('launch builders', () => {
  const task = taskInfo({
    name: 't',
    taskId: { value: 't' },
    agentId: { value: 'a' },
    resources: [scalar('cpus', 0.1)],
    command: commandInfo('true'),
  });
  const executor = executorInfo({
    type: 'DEFAULT',
    executorId: { value: 'e' },
    frameworkId: { value: 'f' },
    resources: [scalar('cpus', 0.1), scalar('mem', 32), scalar('disk', 32)],
  });

  it('launch and launchGroup with the default executor', () => {
    expect(wire(launch([task]))).toMatchObject({
      type: 'LAUNCH',
      launch: { taskInfos: [{ name: 't' }] },
    });
    expect(wire(launchGroup(executor, [task]))).toMatchObject({
      type: 'LAUNCH_GROUP',
      launchGroup: {
        executor: { type: 'DEFAULT', executorId: { value: 'e' }, frameworkId: { value: 'f' } },
        taskGroup: { tasks: [{ name: 't' }] },
      },
    });
    expect(executor).not.toHaveProperty('command');
  });

  it('launchGroup wants a framework id and resources for the executor', () => {
    const { frameworkId: _id, ...withoutId } = executor;
    expect(() => launchGroup(withoutId, [task])).toThrow(/needs frameworkId/);
    expect(() => launchGroup({ ...executor, resources: [scalar('cpus', 1)] }, [task])).toThrow(
      /resources of its own/,
    );
    expect(() => launchGroup(executor, [])).toThrow('launchGroup: no tasks given');
    expect(() =>
      executorInfo({ type: 'DEFAULT', executorId: { value: 'e' }, command: commandInfo('x') }),
    ).toThrow(/takes no command/);
    expect(() => executorInfo({ executorId: { value: 'e' } })).toThrow(/needs a command/);
  });
});

describe('health checks and kill policies', () => {
  it('build the three kinds and a kill policy in nanoseconds', () => {
    expect(healthCheck({ command: 'true' }, { intervalSeconds: 2 })).toEqual({
      type: 'COMMAND',
      command: { shell: true, value: 'true' },
      intervalSeconds: 2,
    });
    expect(healthCheck({ http: { port: 8080, path: '/health' } })).toEqual({
      type: 'HTTP',
      http: { port: 8080, path: '/health' },
    });
    expect(healthCheck({ tcp: { port: 22 } })).toEqual({ type: 'TCP', tcp: { port: 22 } });
    expect(killPolicy(1.5)).toEqual({ gracePeriod: { nanoseconds: 1_500_000_000n } });
    const task = taskInfo({
      name: 't',
      taskId: { value: 't' },
      agentId: { value: 'a' },
      resources: [],
      command: commandInfo('true'),
      healthCheck: healthCheck({ tcp: { port: 22 } }),
      killPolicy: killPolicy(2),
    });
    expect(
      decodeMessage('mesos.TaskInfo', encodeMessage('mesos.TaskInfo', task, 'task')),
    ).toMatchObject({
      healthCheck: { type: 'TCP', tcp: { port: 22 } },
      killPolicy: { gracePeriod: { nanoseconds: 2_000_000_000n } },
    });
  });

  it('refuse ports and durations Mesos would not take', () => {
    expect(() => healthCheck({ tcp: { port: 0 } })).toThrow(/healthCheck.port: must be an integer/);
    expect(() => healthCheck({ command: 'x' }, { intervalSeconds: -1 })).toThrow(/intervalSeconds/);
    expect(() => killPolicy(-1)).toThrow(/gracePeriodSeconds: must be at least 0 seconds/);
  });
});
