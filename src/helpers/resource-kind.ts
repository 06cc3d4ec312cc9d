import type { Input, Resource } from '../messages';

/** A resource as the helpers take it: decoded, or written by hand (numbers for ranges too). */
export type ResourceLike = Input<Resource>;

/** Everything that makes two resources the same kind, leaving out the amount. */
export function kindKey(resource: ResourceLike): string {
  return JSON.stringify(
    [
      resource.name,
      resource.type,
      resource.role ?? '*',
      resource.reservations ?? [],
      resource.allocationInfo ?? null,
      resource.disk ?? null,
      resource.revocable ?? null,
      resource.shared ?? null,
      resource.providerId ?? null,
      resource.reservation ?? null,
    ],
    (_key, value: unknown) => (typeof value === 'bigint' ? value.toString() : value),
  );
}

export function withoutAmount(resource: ResourceLike): ResourceLike {
  const { scalar: _scalar, ranges: _ranges, set: _set, ...rest } = resource;
  return rest;
}

/** The role a resource is allocated to (multi-role frameworks), reserved for, or '*'. */
export function roleOf(resource: ResourceLike): string {
  const reservations = resource.reservations ?? [];
  return (
    resource.allocationInfo?.role ??
    reservations[reservations.length - 1]?.role ??
    resource.role ??
    '*'
  );
}
