import { volumeDisk, type ResourceLike } from '../helpers';
import { containsResources, merged, subtract } from '../helpers/resources';
import type { Offer_Operation } from '../messages';

/** What the operations of one accept work on: what is left of the offers, and the agent. */
export interface OperationTarget {
  /** The accepted offers' resources not yet used by an earlier operation (allocated). */
  offered: ResourceLike[];
  /** The agent's total resources (unallocated), where reservations and volumes live. */
  total: ResourceLike[];
}

/** The operations on reservations and volumes that the simulated master applies. */
export const RESOURCE_OPERATIONS = ['RESERVE', 'UNRESERVE', 'CREATE', 'DESTROY'] as const;

/**
 * Applies RESERVE, UNRESERVE, CREATE or DESTROY as Mesos's master does (validation.cpp's
 * checks that the simulator models, then Resources::apply): to what is left of the offers
 * and to the agent's total. Returns why the master would drop it, or undefined once applied.
 * Only frameworks with RESERVATION_REFINEMENT, whose resources carry `reservations`.
 */
export function applyResourceOperation(
  operation: Offer_Operation,
  target: OperationTarget,
): string | undefined {
  const [consumed, converted, problem] = conversion(operation, target.total);
  if (problem !== undefined) return problem;
  if (!containsResources(target.offered, consumed)) {
    return `${operation.type}: the resources are not in the offers (or are in use)`;
  }
  target.offered = merged([...subtract(target.offered, consumed), ...converted]);
  target.total = merged([
    ...subtract(target.total, consumed.map(unallocated)),
    ...converted.map(unallocated),
  ]);
  return undefined;
}

/** What the operation takes from the offers and what it puts in their place. */
function conversion(
  operation: Offer_Operation,
  total: ResourceLike[],
): [ResourceLike[], ResourceLike[], string?] {
  switch (operation.type) {
    case 'RESERVE': {
      const reserved = operation.reserve?.resources ?? [];
      const problem = reservationProblem('RESERVE', reserved);
      return [reserved.map(withoutNewestReservation), reserved, problem];
    }
    case 'UNRESERVE': {
      const reserved = operation.unreserve?.resources ?? [];
      const problem =
        reservationProblem('UNRESERVE', reserved) ??
        (reserved.some((r) => r.disk?.persistence)
          ? 'UNRESERVE: a persistent volume must be destroyed first'
          : undefined);
      return [reserved, reserved.map(withoutNewestReservation), problem];
    }
    case 'CREATE': {
      const volumes = operation.create?.volumes ?? [];
      const problem = volumeProblem('CREATE', volumes) ?? duplicateVolume(volumes, total);
      return [volumes.map(volumeDisk), volumes, problem];
    }
    case 'DESTROY': {
      const volumes = operation.destroy?.volumes ?? [];
      return [volumes, volumes.map(volumeDisk), volumeProblem('DESTROY', volumes)];
    }
    default:
      return [[], [], `${operation.type}: not a reservation or volume operation`];
  }
}

function reservationProblem(verb: string, resources: ResourceLike[]): string | undefined {
  if (resources.length === 0) return `${verb}: no resources`;
  for (const resource of resources) {
    const reservations = resource.reservations ?? [];
    if (resource.role !== undefined || resource.reservation !== undefined) {
      return `${verb}: resources in the pre-refinement format ('role'); the simulator models RESERVATION_REFINEMENT frameworks`;
    }
    if (reservations[reservations.length - 1]?.type !== 'DYNAMIC') {
      return `${verb}: the newest reservation of '${resource.name}' is not DYNAMIC`;
    }
  }
  return undefined;
}

function volumeProblem(verb: string, volumes: ResourceLike[]): string | undefined {
  if (volumes.length === 0) return `${verb}: no volumes`;
  for (const volume of volumes) {
    if (volume.name !== 'disk' || !volume.disk?.persistence || !volume.disk.volume) {
      return `${verb}: '${volume.name}' is not a persistent volume`;
    }
    if ((volume.reservations ?? []).length === 0) {
      return `${verb}: persistent volume '${volume.disk.persistence.id}' is not on reserved disk`;
    }
  }
  return undefined;
}

/** Mesos refuses a persistence id already used on the agent by the same role. */
function duplicateVolume(volumes: ResourceLike[], total: ResourceLike[]): string | undefined {
  for (const volume of volumes) {
    const id = volume.disk!.persistence!.id;
    if (total.some((r) => r.disk?.persistence?.id === id)) {
      return `CREATE: persistence id '${id}' is already in use on the agent`;
    }
  }
  return undefined;
}

function withoutNewestReservation(resource: ResourceLike): ResourceLike {
  const reservations = (resource.reservations ?? []).slice(0, -1);
  const { reservations: _all, ...rest } = resource;
  return reservations.length > 0 ? { ...rest, reservations } : rest;
}

function unallocated(resource: ResourceLike): ResourceLike {
  const { allocationInfo: _allocation, ...rest } = resource;
  return rest;
}
