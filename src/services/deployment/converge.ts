import type { PodDefinition } from '../definition/types';
import type { ServiceEvent } from '../events';
import { isHealthy, type InstanceRecord } from '../model/instance';
import { addInstance, instanceNumber, podOf } from '../model/pods';
import type { ServiceSnapshot } from '../model/snapshot';

export type Emit = (event: DistributiveOmit<ServiceEvent, 'at'>) => void;
type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/** Marathon's upgradeStrategy defaults. */
export const UPGRADE_DEFAULTS = {
  minimumHealthCapacity: 1,
  maximumOverCapacity: 1,
  maxFailures: 3,
};

/**
 * Moves the snapshot's instances toward its definition: instances added for missing
 * ones, surplus ones marked for removal, and a rolling update's next step taken. It
 * decides only; the scheduler launches and kills.
 */
export function converge(snapshot: ServiceSnapshot, now: number, emit: Emit): void {
  const pods = snapshot.definition.pods;
  for (const instance of snapshot.instances) {
    if (instance.goal !== 'remove' && !pods.some((pod) => pod.name === instance.pod)) {
      instance.goal = 'remove';
    }
  }
  const deployment = snapshot.deployment;
  for (const pod of pods) {
    const members = snapshot.instances.filter((i) => i.pod === pod.name && i.goal !== 'remove');
    const deploying = deployment?.pods.includes(pod.name) ? deployment.state : undefined;
    if (deploying === 'running') {
      // A paused update takes no step; what it started and what it left run as they are.
      if (!deployment!.paused) rollingStep(snapshot, pod, members, emit);
    }
    // A failed update stops where it was: nothing more is started or replaced.
    else if (deploying !== 'failed') scale(snapshot, pod, members);
  }
  if (deployment?.state === 'running' && deployment.pods.every((pod) => podDone(snapshot, pod))) {
    deployment.state = 'succeeded';
    deployment.endedAt = now;
    emit({ type: 'deployment-succeeded', deployment: deployment.id, version: deployment.version });
  }
  pruneOlder(snapshot);
}

const healthy = (snapshot: ServiceSnapshot, instance: InstanceRecord): boolean =>
  isHealthy(instance, podOf(snapshot, instance)?.healthCheck !== undefined);

/** Which of the pod's instances go first when there are too many. */
function removalOrder(snapshot: ServiceSnapshot, members: InstanceRecord[]): InstanceRecord[] {
  const rank = (i: InstanceRecord) =>
    i.goal === 'done' ? 0 : !i.task ? 1 : !healthy(snapshot, i) ? 2 : 3;
  return [...members].sort((a, b) => rank(a) - rank(b) || instanceNumber(b) - instanceNumber(a));
}

function scale(snapshot: ServiceSnapshot, pod: PodDefinition, members: InstanceRecord[]): void {
  for (let n = members.length; n < pod.instances; n++) addInstance(snapshot, pod);
  const surplus = members.length - pod.instances;
  for (const instance of removalOrder(snapshot, members).slice(0, Math.max(0, surplus))) {
    instance.goal = 'remove';
  }
}

/** The pod's capacities during an update, as whole instances. */
export function capacities(pod: PodDefinition): { minHealthy: number; maxTotal: number } {
  const { minimumHealthCapacity, maximumOverCapacity } = { ...UPGRADE_DEFAULTS, ...pod.upgrade };
  const minHealthy = Math.ceil(pod.instances * minimumHealthCapacity);
  let maxTotal = Math.floor(pod.instances * (1 + maximumOverCapacity));
  // With every instance to stay healthy there must be room for one more, or nothing moves.
  if (minHealthy >= pod.instances && maxTotal <= pod.instances) maxTotal = pod.instances + 1;
  return { minHealthy, maxTotal };
}

/**
 * One step of a rolling update (Marathon's): old instances that are not healthy go at once;
 * healthy old ones go while the healthy count stays at least minHealthy; new ones start
 * while the total stays at most maxTotal.
 */
function rollingStep(
  snapshot: ServiceSnapshot,
  pod: PodDefinition,
  members: InstanceRecord[],
  emit: Emit,
): void {
  const { minHealthy, maxTotal } = capacities(pod);
  const old = members.filter((i) => i.version !== snapshot.version);
  const fresh = members.filter((i) => i.version === snapshot.version);
  const removed: string[] = [];
  const drop = (instance: InstanceRecord) => {
    instance.goal = 'remove';
    removed.push(instance.id);
  };
  for (const instance of old) if (!healthy(snapshot, instance)) drop(instance);
  const healthyOld = old
    .filter((i) => i.goal !== 'remove')
    .sort((a, b) => instanceNumber(b) - instanceNumber(a));
  const healthyNew = fresh.filter((i) => healthy(snapshot, i) || i.goal === 'done').length;
  let allowance = healthyOld.length + healthyNew - minHealthy;
  while (allowance > 0 && healthyOld.length > 0) {
    drop(healthyOld.shift()!);
    allowance--;
  }
  const room = maxTotal - (healthyOld.length + fresh.length);
  const start = Math.max(0, Math.min(pod.instances - fresh.length, room));
  const started: string[] = [];
  for (let n = 0; n < start; n++) started.push(addInstance(snapshot, pod).id);
  // Fewer wanted than there are: the surplus new ones go too.
  if (fresh.length > pod.instances) {
    for (const instance of removalOrder(snapshot, fresh).slice(0, fresh.length - pod.instances)) {
      drop(instance);
    }
  }
  if (started.length > 0 || removed.length > 0) {
    emit({
      type: 'deployment-step',
      deployment: snapshot.deployment!.id,
      pod: pod.name,
      started,
      removed,
    });
  }
}

function podDone(snapshot: ServiceSnapshot, name: string): boolean {
  const pod = snapshot.definition.pods.find((p) => p.name === name);
  const members = snapshot.instances.filter((i) => i.pod === name && i.goal !== 'remove');
  if (!pod) return members.length === 0;
  return (
    members.every((i) => i.version === snapshot.version) &&
    members.filter((i) => healthy(snapshot, i) || i.goal === 'done').length >= pod.instances
  );
}

/** Drops earlier definitions no instance runs any more. */
function pruneOlder(snapshot: ServiceSnapshot): void {
  const used = new Set(snapshot.instances.map((i) => String(i.version)));
  for (const version of Object.keys(snapshot.older)) {
    if (!used.has(version)) delete snapshot.older[version];
  }
}
