import type { ResourceLike } from '../../../src/helpers';

/**
 * A reference model of Mesos's Resources arithmetic for the resources the property tests
 * generate (kinds differ by name and allocation role only): per kind, a scalar as thousandths
 * (llround(value * 1000), as values.cpp), ranges as a set of ports, a set as a set of items.
 * Empty kinds are left out.
 */
export interface Model {
  scalars: Map<string, number>;
  ports: Map<string, Set<bigint>>;
  items: Map<string, Set<string>>;
}

const kindOf = (r: ResourceLike) => `${r.name}/${r.allocationInfo?.role ?? '*'}`;
const empty = (): Model => ({ scalars: new Map(), ports: new Map(), items: new Map() });

export function modelOf(resources: ResourceLike[]): Model {
  const model = empty();
  for (const r of resources) {
    const kind = kindOf(r);
    if (r.type === 'SCALAR') {
      const fixed = Math.round((r.scalar?.value ?? 0) * 1000);
      model.scalars.set(kind, (model.scalars.get(kind) ?? 0) + fixed);
    } else if (r.type === 'RANGES') {
      const ports = model.ports.get(kind) ?? new Set<bigint>();
      for (const { begin, end } of r.ranges?.range ?? []) {
        for (let p = BigInt(begin); p <= BigInt(end); p++) ports.add(p);
      }
      model.ports.set(kind, ports);
    } else {
      model.items.set(kind, new Set([...(model.items.get(kind) ?? []), ...(r.set?.item ?? [])]));
    }
  }
  return withoutEmpty(model);
}

function withoutEmpty(model: Model): Model {
  const out = empty();
  for (const [kind, fixed] of model.scalars) if (fixed > 0) out.scalars.set(kind, fixed);
  for (const [kind, ports] of model.ports) if (ports.size > 0) out.ports.set(kind, ports);
  for (const [kind, items] of model.items) if (items.size > 0) out.items.set(kind, items);
  return out;
}

const subset = <T>(a: Set<T>, b: Set<T> | undefined) => [...a].every((x) => b?.has(x));
const minus = <T>(a: Set<T>, b: Set<T> | undefined) => new Set([...a].filter((x) => !b?.has(x)));

export function add(a: Model, b: Model): Model {
  const out = empty();
  for (const kind of new Set([...a.scalars.keys(), ...b.scalars.keys()])) {
    out.scalars.set(kind, (a.scalars.get(kind) ?? 0) + (b.scalars.get(kind) ?? 0));
  }
  for (const kind of new Set([...a.ports.keys(), ...b.ports.keys()])) {
    out.ports.set(kind, new Set([...(a.ports.get(kind) ?? []), ...(b.ports.get(kind) ?? [])]));
  }
  for (const kind of new Set([...a.items.keys(), ...b.items.keys()])) {
    out.items.set(kind, new Set([...(a.items.get(kind) ?? []), ...(b.items.get(kind) ?? [])]));
  }
  return out;
}

export function contains(a: Model, b: Model): boolean {
  return (
    [...b.scalars].every(([kind, fixed]) => (a.scalars.get(kind) ?? 0) >= fixed) &&
    [...b.ports].every(([kind, ports]) => subset(ports, a.ports.get(kind))) &&
    [...b.items].every(([kind, items]) => subset(items, a.items.get(kind)))
  );
}

/** a - b, for a that contains b. */
export function subtract(a: Model, b: Model): Model {
  const out = empty();
  for (const [kind, fixed] of a.scalars) out.scalars.set(kind, fixed - (b.scalars.get(kind) ?? 0));
  for (const [kind, ports] of a.ports) out.ports.set(kind, minus(ports, b.ports.get(kind)));
  for (const [kind, items] of a.items) out.items.set(kind, minus(items, b.items.get(kind)));
  return withoutEmpty(out);
}

export const equal = (a: Model, b: Model): boolean => contains(a, b) && contains(b, a);

/** Whether the model holds `fixed` thousandths of a scalar and `ports` distinct ports. */
export function holds(model: Model, name: string, fixed: number): boolean {
  let total = 0;
  for (const [kind, value] of model.scalars) if (kind.startsWith(`${name}/`)) total += value;
  return total >= fixed;
}

export function portCount(model: Model): number {
  return new Set([...model.ports.values()].flatMap((ports) => [...ports])).size;
}
