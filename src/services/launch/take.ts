import { roleOf, takeResources, type ResourceLike } from '../../helpers';
import { merged, spansOf, subtract, withSpans } from '../../helpers/resources';
import { contains } from '../../helpers/ranges';
import type { PodDefinition } from '../definition/types';

/** What one instance takes out of an offer. */
export interface InstanceResources {
  /** The task's resources. */
  task: ResourceLike[];
  /** The custom executor's own resources (empty for command tasks). */
  executor: ResourceLike[];
  /** The ports the task got, in the order the pod asked for them. */
  ports: number[];
  /** What is left of the offer. */
  remaining: ResourceLike[];
}

/** Default resources of a custom executor besides its task (Mesos's minimum for one). */
export const EXECUTOR_DEFAULTS = { cpus: 0.1, mem: 32, disk: 0 };

/**
 * Takes what an instance of the pod needs out of `offered`, or undefined when it does not
 * fit. Persistent volumes, revocable and shared resources are left alone: a plain
 * instance does not take them.
 */
export function takeForInstance(
  offered: ResourceLike[],
  pod: PodDefinition,
): InstanceResources | undefined {
  const plain = offered.filter((r) => !r.disk?.persistence && !r.revocable && !r.shared);
  const kept = offered.filter((r) => !plain.includes(r));
  const { cpus, mem, disk, gpus, ports, role } = pod.resources;
  const count = typeof ports === 'number' ? ports : 0;
  const main = takeResources(plain, { cpus, mem, disk, gpus, ports: count, role });
  if (!main) return undefined;
  let remaining = main.remaining;
  let task = main.taken;
  let taskPorts = main.ports;
  if (Array.isArray(ports) && ports.length > 0) {
    const fixed = takeNamedPorts(remaining, ports, role);
    if (!fixed) return undefined;
    task = merged([...task, ...fixed.taken]);
    remaining = fixed.remaining;
    taskPorts = ports;
  }
  let executor: ResourceLike[] = [];
  if (pod.executor) {
    const own = { ...EXECUTOR_DEFAULTS, ...pod.executor.resources };
    const taken = takeResources(remaining, { ...own, role });
    if (!taken) return undefined;
    executor = taken.taken;
    remaining = taken.remaining;
  }
  return { task, executor, ports: taskPorts, remaining: [...remaining, ...kept] };
}

/** Takes the given port numbers from the offer's port ranges (of `role`, when given). */
function takeNamedPorts(
  offered: ResourceLike[],
  ports: number[],
  role: string | undefined,
): { taken: ResourceLike[]; remaining: ResourceLike[] } | undefined {
  const taken: ResourceLike[] = [];
  for (const port of ports) {
    const span: [bigint, bigint] = [BigInt(port), BigInt(port)];
    const holder = offered.find(
      (r) =>
        r.name === 'ports' &&
        r.type === 'RANGES' &&
        (role === undefined || roleOf(r) === role) &&
        contains(spansOf(r), [span]),
    );
    if (!holder) return undefined;
    taken.push(withSpans(holder, [span]));
  }
  return { taken, remaining: subtract(offered, taken) };
}
