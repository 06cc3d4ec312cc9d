import { toFixed, toFloating } from './fixed-point';
import { takeFirst, size } from './ranges';
import { addResources, spansOf, subtractResources } from './resources';
import { roleOf, withoutAmount, type ResourceLike } from './resource-kind';

export interface ResourceNeeds {
  cpus?: number;
  mem?: number;
  disk?: number;
  gpus?: number;
  /** How many ports, taken from the lowest of the offer's port ranges. */
  ports?: number;
  /** Only resources allocated to (or reserved for) this role; default: any. */
  role?: string;
}

export interface Taken {
  /** What to put in the task's resources: a subset of the offer's, same kinds. */
  taken: ResourceLike[];
  /** What is left of the offer. */
  remaining: ResourceLike[];
  /** The ports taken, in order. */
  ports: number[];
}

/**
 * Takes what a task needs out of an offer's resources, or undefined when they do not hold
 * enough. Scalars may come from several resources of one name (e.g. reserved and
 * unreserved); the result never holds more than the offer did.
 */
export function takeResources(resources: ResourceLike[], needs: ResourceNeeds): Taken | undefined {
  const usable = resources.filter((r) => needs.role === undefined || roleOf(r) === needs.role);
  let taken: ResourceLike[] = [];
  for (const name of ['cpus', 'mem', 'disk', 'gpus'] as const) {
    let left = toFixed(needs[name] ?? 0);
    for (const resource of usable) {
      if (left <= 0) break;
      if (resource.name !== name || resource.type !== 'SCALAR') continue;
      const amount = Math.min(left, toFixed(resource.scalar?.value ?? 0));
      if (amount <= 0) continue;
      const value = toFloating(amount);
      taken = addResources(taken, [{ ...withoutAmount(resource), scalar: { value } }]);
      left -= amount;
    }
    if (left > 0) return undefined;
  }
  const ports: number[] = [];
  let portsLeft = BigInt(needs.ports ?? 0);
  for (const resource of usable) {
    if (portsLeft <= 0n) break;
    if (resource.name !== 'ports' || resource.type !== 'RANGES') continue;
    const spans = takeFirst(spansOf(resource), portsLeft);
    if (spans.length === 0) continue;
    portsLeft -= size(spans);
    for (const [begin, end] of spans) for (let p = begin; p <= end; p++) ports.push(Number(p));
    taken = addResources(taken, [
      {
        ...withoutAmount(resource),
        ranges: { range: spans.map(([begin, end]) => ({ begin, end })) },
      },
    ]);
  }
  if (portsLeft > 0n) return undefined;
  return { taken, remaining: subtractResources(resources, taken), ports };
}
