import type { Constraint } from 'mesos-napi/services';
import { cluster, liveTasks, pod, runService, service } from './harness';

// agent-1: rack r1, zone a; agent-2: r1, b; agent-3: r2, a; agent-4: r3, no zone.
const AGENTS: { hostname: string; attributes: Record<string, string> }[] = [
  { hostname: 'agent-1', attributes: { rack: 'r1', zone: 'a' } },
  { hostname: 'agent-2', attributes: { rack: 'r1', zone: 'b' } },
  { hostname: 'agent-3', attributes: { rack: 'r2', zone: 'a' } },
  { hostname: 'agent-4', attributes: { rack: 'r3' } },
];

/**
 * Runs a pod of `instances` under the constraints for a minute; the hosts of its instances.
 * Each agent holds 8 instances of 0.5 cpus, or 1 of 3.
 */
async function placed(instances: number, constraints: Constraint[], cpus = 0.5) {
  const c = cluster({ agents: AGENTS });
  const { scheduler, driver } = runService(
    c,
    service(pod('p', instances, { constraints, resources: { cpus, mem: 128 } })),
  );
  await c.advance('60s');
  const hostOf = new Map(c.agents().map((a) => [a.id, a.hostname]));
  const hosts = liveTasks(c)
    .map((t) => hostOf.get(t.agentId)!)
    .sort();
  const waiting = scheduler
    .status()
    .pods[0].instanceList.filter((i) => !i.taskId)
    .map((i) => i.waitingFor);
  driver.stop();
  scheduler.close();
  return { hosts, waiting };
}

const rackOf = (host: string) => AGENTS.find((a) => a.hostname === host)!.attributes.rack;

test('UNIQUE: one instance per value; the rest wait, saying why', async () => {
  expect(await placed(5, [['hostname', 'UNIQUE']])).toEqual({
    hosts: ['agent-1', 'agent-2', 'agent-3', 'agent-4'],
    waiting: ["hostname 'agent-4' already has an instance (UNIQUE)"],
  });
  const { hosts } = await placed(3, [['rack', 'UNIQUE']]);
  expect(hosts.map(rackOf).sort()).toEqual(['r1', 'r2', 'r3']);
});

test('CLUSTER with a value: only there; without one: where the first went', async () => {
  const withValue = await placed(4, [['rack', 'CLUSTER', 'r2']]);
  expect(withValue.hosts).toEqual(['agent-3', 'agent-3', 'agent-3', 'agent-3']);
  const first = await placed(4, [['rack', 'CLUSTER']]);
  expect(new Set(first.hosts.map(rackOf)).size).toBe(1);
});

test('GROUP_BY: spread evenly over the values', async () => {
  const { hosts } = await placed(6, [['rack', 'GROUP_BY', '3']]);
  const counts = hosts
    .map(rackOf)
    .reduce<Record<string, number>>((m, r) => ({ ...m, [r]: (m[r] ?? 0) + 1 }), {});
  expect(counts).toEqual({ r1: 2, r2: 2, r3: 2 });
});

test('LIKE and UNLIKE: a regular expression over the whole value; a missing field is not like', async () => {
  const like = await placed(4, [['zone', 'LIKE', 'a']], 3);
  expect(like.hosts).toEqual(['agent-1', 'agent-3']);
  expect(like.waiting).toHaveLength(2);
  // Any zone at all: agent-4 has none.
  expect((await placed(4, [['zone', 'LIKE', '.*']], 3)).hosts).toEqual([
    'agent-1',
    'agent-2',
    'agent-3',
  ]);
  const unlike = await placed(4, [['hostname', 'UNLIKE', 'agent-[12]']], 3);
  expect(unlike.hosts).toEqual(['agent-3', 'agent-4']);
  const missing = await placed(1, [['zone', 'UNLIKE', 'a|b']]);
  expect(missing.hosts).toEqual(['agent-4']);
});

test('MAX_PER: at most n per value', async () => {
  const { hosts, waiting } = await placed(5, [['rack', 'MAX_PER', '1']]);
  expect(hosts.map(rackOf).sort()).toEqual(['r1', 'r2', 'r3']);
  expect(waiting).toHaveLength(2);
  expect(waiting[0]).toMatch(/already has 1 instances \(MAX_PER 1\)/);
});

test('IS, and several constraints together', async () => {
  expect((await placed(2, [['zone', 'IS', 'b']])).hosts).toEqual(['agent-2', 'agent-2']);
  const both = await placed(3, [
    ['zone', 'LIKE', 'a'],
    ['hostname', 'UNIQUE'],
  ]);
  expect(both.hosts).toEqual(['agent-1', 'agent-3']);
  // The reason is the last offer's: agent-4 has no zone.
  expect(both.waiting).toEqual(['zone (not set) does not match /a/ (LIKE)']);
});
