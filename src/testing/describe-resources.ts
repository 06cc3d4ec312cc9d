import type { ResourceLike } from '../helpers';
import { merged } from '../helpers/resources';

/** Resources written as Mesos prints them: `cpus(allocated: *):1; mem(allocated: *):128`. */
export function describeResources(resources: ResourceLike[]): string {
  return merged(resources)
    .map((r) => {
      const role = r.reservations?.length
        ? r.reservations[r.reservations.length - 1].role
        : (r.role ?? undefined);
      const tags = [
        r.allocationInfo?.role !== undefined ? `allocated: ${r.allocationInfo.role}` : '',
        role && role !== '*' ? `reservations: [(STATIC,${role})]` : '',
      ].filter(Boolean);
      const name = tags.length ? `${r.name}(${tags.join(')(')})` : r.name;
      return `${name}:${amount(r)}`;
    })
    .join('; ');
}

function amount(r: ResourceLike): string {
  if (r.type === 'SCALAR') return String(r.scalar?.value ?? 0);
  if (r.type === 'RANGES') {
    return `[${(r.ranges?.range ?? []).map((s) => `${s.begin}-${s.end}`).join(', ')}]`;
  }
  return `{${(r.set?.item ?? []).join(', ')}}`;
}
