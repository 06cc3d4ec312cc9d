import {
  createVolume,
  destroyVolume,
  persistentVolume,
  takeResources,
  unreserve,
  volumeDisk,
  withReservation,
  type ResourceLike,
} from '../../helpers';
import { scalarTotal, subtract } from '../../helpers/resources';
import type { Input, Offer_Operation } from '../../messages';
import type { PodDefinition } from '../definition/types';
import { EXECUTOR_DEFAULTS, takeForInstance, type InstanceResources } from './take';

/** The reservation label naming the instance (`<service>.<instance>`) its resources are for. */
export const RESERVATION_LABEL = 'mesos-napi.reservation';

/** Whose reservation: `<service>.<instance>`. */
export function reservationOwner(service: string, instanceId: string): string {
  return `${service}.${instanceId}`;
}

/** The persistence id of an instance's i-th volume: `<service>.<instance>.<i>`. */
export function persistenceId(owner: string, i: number): string {
  return `${owner}.${i}`;
}

/** The owner named by the newest reservation's label, if any. */
export function ownerOf(resource: ResourceLike): string | undefined {
  const newest = resource.reservations?.[resource.reservations.length - 1];
  if (newest?.type !== 'DYNAMIC') return undefined;
  return newest.labels?.labels?.find((label) => label.key === RESERVATION_LABEL)?.value;
}

/** A resident instance's launch: the operations before it, and what its task gets. */
export interface ResidentLaunch {
  /** RESERVE and CREATE on a first launch; none after. */
  operations: Input<Offer_Operation>[];
  resources: InstanceResources;
}

/**
 * A resident instance's first launch out of `offered`: its resources (and its volumes' disk)
 * taken from what is not dynamically reserved yet, reserved for the pod's role with the
 * owner's label, its volumes created; undefined when it does not fit.
 */
export function reserveForInstance(
  offered: ResourceLike[],
  pod: PodDefinition,
  owner: string,
  principal: string | undefined,
): ResidentLaunch | undefined {
  const volumes = pod.volumes ?? [];
  const volumeDisk = volumes.reduce((sum, v) => sum + v.sizeMB, 0);
  const free = offered.filter((r) => !r.reservations?.some((x) => x.type === 'DYNAMIC'));
  const kept = offered.filter((r) => !free.includes(r));
  const sized = {
    ...pod,
    resources: { ...pod.resources, disk: (pod.resources.disk ?? 0) + volumeDisk },
  };
  const taken = takeForInstance(free, sized);
  if (!taken) return undefined;
  const reservation = {
    role: pod.resources.role!,
    ...(principal !== undefined ? { principal } : {}),
    labels: { [RESERVATION_LABEL]: owner },
  };
  const ports = taken.task.filter((r) => r.name === 'ports');
  const toReserve = taken.task.filter((r) => r.name !== 'ports');
  const reserved = withReservation(toReserve, reservation);
  const executor = taken.executor.length > 0 ? withReservation(taken.executor, reservation) : [];
  const disk = reserved.find((r) => r.name === 'disk')!;
  const created = volumes.map((volume, i) =>
    persistentVolume(sizedLike(disk, volume.sizeMB), {
      id: persistenceId(owner, i),
      containerPath: volume.containerPath,
      ...(principal !== undefined ? { principal } : {}),
    }),
  );
  const taskDisk = pod.resources.disk ?? 0;
  const task = [
    ...reserved.filter((r) => r.name !== 'disk'),
    ...(taskDisk > 0 ? [sizedLike(disk, taskDisk)] : []),
    ...created,
    ...ports,
  ];
  const operations: Input<Offer_Operation>[] = [
    {
      type: 'RESERVE',
      reserve: { resources: [...reserved, ...executor] },
    },
  ];
  if (created.length > 0) operations.push(createVolume(created));
  return {
    operations,
    resources: {
      task,
      executor,
      ports: taken.ports,
      remaining: [...taken.remaining, ...kept],
    },
  };
}

/**
 * A resident instance's later launch: the resources reserved with its label and its volumes,
 * all in this offer (they are offered back once its previous task has ended), plus fresh
 * ports; undefined when they are not all here.
 */
export function relaunchResident(
  offered: ResourceLike[],
  pod: PodDefinition,
  owner: string,
): ResidentLaunch | undefined {
  const own = offered.filter((r) => ownerOf(r) === owner);
  const volumes = own.filter((r) => r.disk?.persistence);
  const wanted = (pod.volumes ?? []).map((_, i) => persistenceId(owner, i));
  if (!wanted.every((id) => volumes.some((v) => v.disk!.persistence!.id === id))) return undefined;
  let reserved = own.filter((r) => !r.disk?.persistence);
  let executor: ResourceLike[] = [];
  if (pod.executor) {
    const share = takeResources(reserved, { ...EXECUTOR_DEFAULTS, ...pod.executor.resources });
    if (!share) return undefined;
    executor = share.taken;
    reserved = share.remaining;
  }
  if (scalarTotal(reserved, 'cpus') < pod.resources.cpus) return undefined;
  const rest = subtract(offered, own);
  const count = typeof pod.resources.ports === 'number' ? pod.resources.ports : 0;
  const fixed = Array.isArray(pod.resources.ports) ? pod.resources.ports : [];
  const portsPod = { ...pod, resources: { cpus: 0, mem: 0, ports: count || fixed } };
  let ports: InstanceResources | undefined;
  if (count > 0 || fixed.length > 0) {
    ports = takeForInstance(rest, { ...portsPod, executor: undefined });
    if (!ports) return undefined;
  }
  return {
    operations: [],
    resources: {
      task: [...reserved, ...volumes, ...(ports?.task ?? [])],
      executor,
      ports: ports?.ports ?? [],
      remaining: ports?.remaining ?? rest,
    },
  };
}

/**
 * DESTROY and UNRESERVE of everything in the offer reserved for owners that `keep` refuses
 * (instances gone from the service): the data of a removed instance goes with it.
 */
export function releaseOrphans(
  offered: ResourceLike[],
  service: string,
  keep: (owner: string) => boolean,
): { operations: Input<Offer_Operation>[]; owners: string[] } {
  const orphans = offered.filter((r) => {
    const owner = ownerOf(r);
    return owner !== undefined && owner.startsWith(`${service}.`) && !keep(owner);
  });
  if (orphans.length === 0) return { operations: [], owners: [] };
  const volumes = orphans.filter((r) => r.disk?.persistence);
  const plain = orphans.filter((r) => !r.disk?.persistence);
  const operations: Input<Offer_Operation>[] = [];
  if (volumes.length > 0) operations.push(destroyVolume(volumes));
  operations.push(unreserve([...plain, ...volumes.map(volumeDisk)]));
  return { operations, owners: [...new Set(orphans.map((r) => ownerOf(r)!))] };
}

/** A scalar like `resource` (same role, reservations, allocation) of another amount. */
function sizedLike(resource: ResourceLike, value: number): ResourceLike {
  return { ...resource, scalar: { value } };
}
