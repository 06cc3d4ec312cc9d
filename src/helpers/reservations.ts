import type { Input, Offer_Operation, Resource_ReservationInfo } from '../messages';
import { labels } from './builders';
import type { ResourceLike } from './resource-kind';
import { InvalidArgumentError } from '../errors';

/** Whom resources are reserved for: reserve(), unreserve(), withReservation(). */
export interface ReservationFields {
  /** The role to reserve for: the role the resources are allocated to (offer.allocationInfo). */
  role: string;
  /** The framework's principal; the master requires it when the framework authenticated. */
  principal?: string;
  /** The reservation's labels; unreserve needs the same ones. */
  labels?: Record<string, string>;
}

/** Resources in the format a RESERVATION_REFINEMENT framework is offered, or a TypeError. */
function checkRefinementFormat(resources: ResourceLike[], where: string): void {
  if (resources.length === 0) throw new InvalidArgumentError(where, `no resources given`);
  resources.forEach((resource, i) => {
    if (resource.role !== undefined || resource.reservation !== undefined) {
      throw new InvalidArgumentError(
        where,
        `resources[${i}] uses the pre-refinement 'role'/'reservation' fields; ` +
          "give the framework the RESERVATION_REFINEMENT capability and use the offer's resources",
      );
    }
  });
}

/**
 * The resources (as offered, keeping their allocationInfo) with a dynamic reservation for
 * `role` pushed on top of the reservations they already have: what RESERVE makes of them,
 * e.g. to create a volume or launch a task in the same acceptOffers.
 */
export function withReservation(
  resources: ResourceLike[],
  reservation: ReservationFields,
): ResourceLike[] {
  checkRefinementFormat(resources, 'reserve');
  const allocated = new Set(resources.map((r) => r.allocationInfo?.role).filter(Boolean));
  if (allocated.size > 1 || (allocated.size === 1 && !allocated.has(reservation.role))) {
    throw new InvalidArgumentError(
      'reserve',
      `the resources are allocated to ${[...allocated].map((r) => `'${r}'`).join(', ')}, ` +
        `but the reservation is for '${reservation.role}'; Mesos reserves only for the allocation role`,
    );
  }
  const info: Input<Resource_ReservationInfo> = {
    type: 'DYNAMIC',
    role: reservation.role,
    ...(reservation.principal !== undefined ? { principal: reservation.principal } : {}),
    ...(reservation.labels ? { labels: labels(reservation.labels) } : {}),
  };
  return resources.map((r) => ({ ...r, reservations: [...(r.reservations ?? []), info] }));
}

/**
 * A RESERVE operation (see withReservation): a reservation of unreserved resources, or a
 * refinement of a reservation for an ancestor role. Mesos checks that `role` is the role the
 * resources are allocated to. The framework needs the RESERVATION_REFINEMENT capability.
 */
export function reserve(
  resources: ResourceLike[],
  reservation: ReservationFields,
): Input<Offer_Operation> {
  return { type: 'RESERVE', reserve: { resources: withReservation(resources, reservation) } };
}

/**
 * An UNRESERVE operation: the newest (dynamic) reservation of each resource, as offered, is
 * taken off, giving it back to the role below (or unreserved). A persistent volume must be
 * destroyed first (destroyVolume), as Mesos requires.
 */
export function unreserve(resources: ResourceLike[]): Input<Offer_Operation> {
  checkRefinementFormat(resources, 'unreserve');
  resources.forEach((resource, i) => {
    const newest = resource.reservations?.[resource.reservations.length - 1];
    if (newest?.type !== 'DYNAMIC') {
      throw new InvalidArgumentError(
        'unreserve',
        `resources[${i}] (${resource.name}) is not dynamically reserved`,
      );
    }
    if (resource.disk?.persistence) {
      throw new InvalidArgumentError(
        'unreserve',
        `resources[${i}] is persistent volume '${resource.disk.persistence.id}'; destroy it first`,
      );
    }
  });
  return { type: 'UNRESERVE', unreserve: { resources } };
}
