import { InvalidArgumentError } from '../errors';
import { describe } from '../messages/describe';
import { toFixed } from './fixed-point';
import type { ResourceLike } from './resource-kind';
import type { ResourceNeeds } from './take';

const MAX_UINT64 = 2n ** 64n - 1n;

/** A range bound (uint64) as a bigint: given as a bigint or a safe integer. */
export function toBound(value: unknown, where: string): bigint {
  const exact = typeof value === 'bigint' || Number.isSafeInteger(value);
  const bound = exact ? BigInt(value as bigint | number) : -1n;
  if (bound < 0n || bound > MAX_UINT64) {
    throw new InvalidArgumentError(
      where,
      `expected a bigint or a safe integer from 0 to 2^64 - 1, got ${describe(value)}`,
    );
  }
  return bound;
}

/** A scalar amount: finite, not negative, and exact in Mesos's fixed point as a number. */
export function checkAmount(value: unknown, where: string): void {
  if (typeof value !== 'number' || !(value >= 0) || value === Infinity) {
    throw new InvalidArgumentError(where, `expected a finite amount ≥ 0, got ${describe(value)}`);
  }
  if (!Number.isSafeInteger(toFixed(value))) {
    throw new InvalidArgumentError(
      where,
      `${value} is too large: Mesos counts thousandths, and a number holds at most 2^53 - 1 exactly`,
    );
  }
}

/** Checks what the helpers add up: amounts, range bounds and types, each named by its path. */
export function checkResources(resources: unknown, where: string): void {
  if (!Array.isArray(resources)) {
    throw new InvalidArgumentError(
      where,
      `expected an array of resources, got ${describe(resources)}`,
    );
  }
  for (let i = 0; i < resources.length; i++) checkResource(resources[i], `${where}[${i}]`);
}

function checkResource(value: unknown, where: string): void {
  if (typeof value !== 'object' || value === null) {
    throw new InvalidArgumentError(where, `expected a resource, got ${describe(value)}`);
  }
  const resource = value as ResourceLike;
  if (resource.type === 'SCALAR') {
    checkAmount(resource.scalar?.value ?? 0, `${where}.scalar.value`);
  } else if (resource.type === 'RANGES') {
    const range: unknown[] = resource.ranges?.range ?? [];
    for (let i = 0; i < range.length; i++) checkRange(range[i], `${where}.ranges.range[${i}]`);
  } else if (resource.type !== 'SET') {
    throw new InvalidArgumentError(
      `${where}.type`,
      `expected SCALAR, RANGES or SET, got ${describe(resource.type)}`,
    );
  }
}

function checkRange(value: unknown, where: string): void {
  const range = (value ?? {}) as { begin?: unknown; end?: unknown };
  const begin = toBound(range.begin, `${where}.begin`);
  const end = toBound(range.end, `${where}.end`);
  if (begin > end) throw new InvalidArgumentError(where, `begin ${begin} is after end ${end}`);
}

export function checkNeeds(needs: ResourceNeeds): void {
  if (typeof needs !== 'object' || needs === null) {
    throw new InvalidArgumentError('needs', `expected an object, got ${describe(needs)}`);
  }
  for (const name of ['cpus', 'mem', 'disk', 'gpus'] as const) {
    if (needs[name] !== undefined) checkAmount(needs[name], `needs.${name}`);
  }
  if (needs.ports !== undefined && !(Number.isSafeInteger(needs.ports) && needs.ports >= 0)) {
    throw new InvalidArgumentError(
      'needs.ports',
      `expected a whole number of ports ≥ 0, got ${describe(needs.ports)}`,
    );
  }
  if (needs.role !== undefined && typeof needs.role !== 'string') {
    throw new InvalidArgumentError(
      'needs.role',
      `expected a role name (a string), got ${describe(needs.role)}`,
    );
  }
}
