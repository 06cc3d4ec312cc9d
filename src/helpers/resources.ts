import { checkAmount, checkResources, toBound } from './amounts';
import { toFixed, toFloating } from './fixed-point';
import * as spans from './ranges';
import type { Span } from './ranges';
import { kindKey, withoutAmount, type ResourceLike } from './resource-kind';
import { InvalidArgumentError } from '../errors';

const fixedOf = (resource: ResourceLike): number => toFixed(resource.scalar?.value ?? 0);

/** Where a resource built by scalar(), ranges() or set() belongs. */
export interface ResourceOptions {
  /** The role (pre-reservation-refinement form); default none, i.e. unreserved. */
  role?: string;
  /** The reservations, in refinement order. */
  reservations?: ResourceLike['reservations'];
  /** The role the resource is allocated to (multi-role frameworks). */
  allocationInfo?: ResourceLike['allocationInfo'];
}

/** A SCALAR resource, e.g. scalar('cpus', 0.5). */
export function scalar(name: string, value: number, options: ResourceOptions = {}): ResourceLike {
  checkAmount(value, 'value');
  return { name, type: 'SCALAR', scalar: { value }, ...options };
}

/** A RANGES resource, e.g. ranges('ports', [[31000, 31009]]); each bound a whole number from 0 to 2^64 - 1. */
export function ranges(
  name: string,
  values: [bigint | number, bigint | number][],
  options: ResourceOptions = {},
): ResourceLike {
  const range = values.map(([begin, end], i) => ({
    begin: toBound(begin, `values[${i}][0]`),
    end: toBound(end, `values[${i}][1]`),
  }));
  return { name, type: 'RANGES', ranges: { range }, ...options };
}

/** A SET resource, e.g. set('disks', ['sda']). */
export function set(name: string, items: string[], options: ResourceOptions = {}): ResourceLike {
  return { name, type: 'SET', set: { item: items }, ...options };
}

export function spansOf(resource: ResourceLike): Span[] {
  return (resource.ranges?.range ?? []).map(({ begin, end }) => [BigInt(begin), BigInt(end)]);
}

export function withSpans(resource: ResourceLike, value: Span[]): ResourceLike {
  return {
    ...withoutAmount(resource),
    ranges: { range: value.map(([begin, end]) => ({ begin, end })) },
  };
}

function isEmpty(resource: ResourceLike): boolean {
  if (resource.type === 'SCALAR') return fixedOf(resource) <= 0;
  if (resource.type === 'RANGES') return spansOf(resource).length === 0;
  return (resource.set?.item ?? []).length === 0;
}

/** a + b or a - b of one kind; checkResources let only SCALAR, RANGES and SET through. */
function combine(a: ResourceLike, b: ResourceLike, sign: 1 | -1): ResourceLike {
  if (a.type === 'SCALAR') {
    const value = toFloating(fixedOf(a) + sign * fixedOf(b));
    return { ...withoutAmount(a), scalar: { value } };
  }
  if (a.type === 'RANGES') {
    return withSpans(
      a,
      sign === 1 ? spans.union(spansOf(a), spansOf(b)) : spans.difference(spansOf(a), spansOf(b)),
    );
  }
  const items = new Set(a.set?.item ?? []);
  for (const item of b.set?.item ?? []) {
    if (sign === 1) items.add(item);
    else items.delete(item);
  }
  return { ...withoutAmount(a), set: { item: [...items] } };
}

/** Mesos's Resources::add: merged into the entry of its kind, else appended; empty ones dropped. */
function addTo(list: ResourceLike[], resource: ResourceLike): void {
  if (isEmpty(resource)) return;
  const i = list.findIndex((r) => kindKey(r) === kindKey(resource));
  if (i >= 0) list[i] = combine(list[i], resource, 1);
  else list.push({ ...resource });
}

/** Mesos's Resources::subtract: from the entry of its kind, dropped when nothing is left. */
function subtractFrom(list: ResourceLike[], resource: ResourceLike): void {
  const i = list.findIndex((r) => kindKey(r) === kindKey(resource));
  if (i < 0) return;
  const left = combine(list[i], resource, -1);
  if (isEmpty(left)) list.splice(i, 1);
  else list[i] = left;
}

/** The resources as a Mesos Resources object holds them: one entry per kind, none empty. */
export function merged(resources: ResourceLike[]): ResourceLike[] {
  const out: ResourceLike[] = [];
  for (const resource of resources) addTo(out, resource);
  return out;
}

function holds(have: ResourceLike, need: ResourceLike): boolean {
  if (need.type === 'SCALAR') return fixedOf(have) >= fixedOf(need);
  if (need.type === 'RANGES') return spans.contains(spansOf(have), spansOf(need));
  return (need.set?.item ?? []).every((item) => (have.set?.item ?? []).includes(item));
}

/** a + b: amounts of the same kind (name, type, role, reservations, …) merged. */
export function addResources(a: ResourceLike[], b: ResourceLike[]): ResourceLike[] {
  checkResources(a, 'a');
  checkResources(b, 'b');
  return merged([...a, ...b]);
}

/** a - b, kind by kind; throws InvalidArgumentError when a does not contain b. */
export function subtractResources(a: ResourceLike[], b: ResourceLike[]): ResourceLike[] {
  checkResources(a, 'a');
  checkResources(b, 'b');
  return subtract(a, b);
}

/** subtractResources for resources already checked. */
export function subtract(a: ResourceLike[], b: ResourceLike[]): ResourceLike[] {
  if (!contains(a, b))
    throw new InvalidArgumentError(
      'subtractResources',
      'cannot subtract resources that are not contained',
    );
  const result = merged(a);
  for (const resource of merged(b)) subtractFrom(result, resource);
  return result;
}

/** Whether a holds at least b, kind by kind. */
export function containsResources(a: ResourceLike[], b: ResourceLike[]): boolean {
  checkResources(a, 'a');
  checkResources(b, 'b');
  return contains(a, b);
}

function contains(a: ResourceLike[], b: ResourceLike[]): boolean {
  const have = merged(a);
  return merged(b).every((need) => {
    const kind = have.find((r) => kindKey(r) === kindKey(need));
    return kind !== undefined && holds(kind, need);
  });
}

/** Sum of a scalar resource over every kind (all roles and reservations). */
export function scalarTotal(resources: ResourceLike[], name: string): number {
  checkResources(resources, 'resources');
  return toFloating(
    resources
      .filter((r) => r.name === name && r.type === 'SCALAR')
      .reduce((total, r) => total + fixedOf(r), 0),
  );
}

/** Whether a and b hold the same amounts of the same kinds. */
export function equalResources(a: ResourceLike[], b: ResourceLike[]): boolean {
  checkResources(a, 'a');
  checkResources(b, 'b');
  return contains(a, b) && contains(b, a);
}
