import type { Attribute } from '../../messages';
import * as read from '../definition/fields';
import { fail } from '../definition/fields';
import type { Constraint, ConstraintOperator } from '../definition/types';

const OPERATORS: readonly ConstraintOperator[] = [
  'UNIQUE',
  'CLUSTER',
  'GROUP_BY',
  'LIKE',
  'UNLIKE',
  'MAX_PER',
  'IS',
];

/** Where an agent is: its hostname and attributes, as constraints read them. */
export interface Place {
  /** The agent's hostname. */
  hostname: string;
  /** The agent's attributes, as text. */
  attributes: Record<string, string>;
}

/** Checks one `[field, operator, value?]`. */
export function parseConstraint(value: unknown, path: string): Constraint {
  const parts = read.array(value, path);
  if (parts.length < 2 || parts.length > 3) {
    fail(path, `expected [field, operator] or [field, operator, value], got ${parts.length} items`);
  }
  const field = read.string(parts[0], `${path}[0]`);
  const operator = read.oneOf(parts[1], OPERATORS, `${path}[1]`);
  const needsValue = ['LIKE', 'UNLIKE', 'MAX_PER', 'IS'].includes(operator);
  if (parts.length === 2) {
    if (needsValue) fail(path, `${operator} needs a value`);
    return [field, operator];
  }
  const argument = read.string(parts[2], `${path}[2]`);
  if (operator === 'UNIQUE') fail(`${path}[2]`, 'UNIQUE takes no value');
  if (operator === 'LIKE' || operator === 'UNLIKE') {
    try {
      new RegExp(argument);
    } catch (error) {
      fail(`${path}[2]`, `not a regular expression: ${(error as Error).message}`);
    }
  }
  if (operator === 'MAX_PER' || operator === 'GROUP_BY') {
    const count = Number(argument);
    if (!Number.isInteger(count) || count < 1) {
      fail(`${path}[2]`, `${operator} takes a whole number of at least 1, got '${argument}'`);
    }
  }
  return [field, operator, argument];
}

/** An agent's place: attributes as Marathon reads them (text, or a scalar's number). */
export function placeOf(hostname: string, attributes: Attribute[] = []): Place {
  const values: Record<string, string> = {};
  for (const attribute of attributes) {
    if (attribute.type === 'TEXT') values[attribute.name] = attribute.text?.value ?? '';
    else if (attribute.type === 'SCALAR') values[attribute.name] = String(attribute.scalar?.value);
    else if (attribute.type === 'SET')
      values[attribute.name] = (attribute.set?.item ?? []).join(',');
    else if (attribute.type === 'RANGES') {
      values[attribute.name] = (attribute.ranges?.range ?? [])
        .map((r) => `[${r.begin}-${r.end}]`)
        .join(',');
    }
  }
  return { hostname, attributes: values };
}

function fieldOf(place: Place, field: string): string | undefined {
  return field === 'hostname' ? place.hostname : place.attributes[field];
}

/**
 * Why `candidate` breaks the constraint given where the pod's other instances are, or
 * undefined when it does not. `others` are the places of the pod's instances that run or
 * are being launched (every version of the pod, as Marathon counts them).
 */
export function violation(
  [field, operator, argument]: Constraint,
  candidate: Place,
  others: Place[],
): string | undefined {
  const value = fieldOf(candidate, field);
  const values = others.map((place) => fieldOf(place, field));
  const count = values.filter((v) => v === value).length;
  const where = `${field}${value === undefined ? ' (not set)' : ` '${value}'`}`;
  switch (operator) {
    case 'UNIQUE':
      if (value === undefined) return `${where}: UNIQUE needs the field`;
      return count > 0 ? `${where} already has an instance (UNIQUE)` : undefined;
    case 'CLUSTER': {
      const wanted = argument ?? values.find((v) => v !== undefined);
      if (value === undefined) return `${where}: CLUSTER needs the field`;
      return wanted === undefined || wanted === value
        ? undefined
        : `${where} is not '${wanted}' (CLUSTER)`;
    }
    case 'IS':
      return value === argument ? undefined : `${where} is not '${argument}' (IS)`;
    case 'LIKE':
      return value !== undefined && fullMatch(argument!, value)
        ? undefined
        : `${where} does not match /${argument}/ (LIKE)`;
    case 'UNLIKE':
      return value !== undefined && fullMatch(argument!, value)
        ? `${where} matches /${argument}/ (UNLIKE)`
        : undefined;
    case 'MAX_PER':
      if (value === undefined) return `${where}: MAX_PER needs the field`;
      return count >= Number(argument)
        ? `${where} already has ${count} instances (MAX_PER ${argument})`
        : undefined;
    case 'GROUP_BY': {
      if (value === undefined) return `${where}: GROUP_BY needs the field`;
      const counts = new Map<string, number>();
      for (const v of values) if (v !== undefined) counts.set(v, (counts.get(v) ?? 0) + 1);
      // Values not seen yet have no instance: while fewer than the expected number of
      // values are in use, only an unused value evens the spread.
      const expected = argument === undefined ? 0 : Number(argument);
      const least = counts.size < expected || counts.size === 0 ? 0 : Math.min(...counts.values());
      return count > least
        ? `${where} has ${count} instances, more than the least used value's ${least} (GROUP_BY)`
        : undefined;
    }
  }
}

function fullMatch(pattern: string, value: string): boolean {
  return new RegExp(`^(?:${pattern})$`).test(value);
}

/** The first constraint the candidate breaks, as a reason; undefined when it breaks none. */
export function firstViolation(
  constraints: Constraint[],
  candidate: Place,
  others: Place[],
): string | undefined {
  for (const constraint of constraints) {
    const reason = violation(constraint, candidate, others);
    if (reason !== undefined) return reason;
  }
  return undefined;
}
