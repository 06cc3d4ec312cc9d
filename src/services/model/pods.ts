import type { PodDefinition } from '../definition/types';
import type { InstanceRecord } from './instance';
import type { ServiceSnapshot } from './snapshot';

/** The pod definition an instance runs: of its own version. */
export function podOf(
  snapshot: ServiceSnapshot,
  instance: InstanceRecord,
): PodDefinition | undefined {
  const definition =
    instance.version === snapshot.version
      ? snapshot.definition
      : snapshot.older[String(instance.version)];
  return definition?.pods.find((pod) => pod.name === instance.pod);
}

/** The instance's number (`web-12` → 12). */
export function instanceNumber(instance: InstanceRecord): number {
  return Number(instance.id.slice(instance.id.lastIndexOf('-') + 1));
}

/** A new instance of the pod at the snapshot's version, added to it. */
export function addInstance(snapshot: ServiceSnapshot, pod: PodDefinition): InstanceRecord {
  const n = snapshot.next[pod.name] ?? 0;
  snapshot.next[pod.name] = n + 1;
  const instance: InstanceRecord = {
    id: `${pod.name}-${n}`,
    pod: pod.name,
    version: snapshot.version,
    goal: 'run',
    failures: 0,
    launches: 0,
    history: [],
  };
  snapshot.instances.push(instance);
  return instance;
}

/** What a pod's task is made of: a change here replaces its instances in an update. */
export function taskKey(pod: PodDefinition): string {
  const { name, instances: _i, restart: _r, upgrade: _u, constraints: _c, ...task } = pod;
  return JSON.stringify({ name, ...task });
}
