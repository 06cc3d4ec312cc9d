import { InvalidArgumentError } from '../errors';
import { encode } from '../messages/codec';
import { describe } from '../messages/describe';

/** Encodes a message; the codec throws an InvalidArgumentError naming the path from `where`. */
export function encodeArg(name: string, value: unknown, where: string): Uint8Array {
  return encode(name, value, where);
}

/** Encodes each element of an array argument; where is e.g. 'tasks[0]'. */
export function encodeArray(name: string, values: unknown, where: string): Uint8Array[] {
  if (!Array.isArray(values)) {
    throw new InvalidArgumentError(where, `expected an array of ${name}, got ${describe(values)}`);
  }
  const encoded: Uint8Array[] = [];
  for (let i = 0; i < values.length; i++) {
    encoded.push(encodeArg(name, values[i], `${where}[${i}]`));
  }
  return encoded;
}

/** Array#every that also tests holes (as undefined), which every and map skip. */
function everyItem(values: unknown[], test: (value: unknown) => boolean): boolean {
  for (let i = 0; i < values.length; i++) if (!test(values[i])) return false;
  return true;
}

export function encodeOptional(name: string, value: unknown, where: string): Uint8Array | null {
  return value === undefined || value === null ? null : encodeArg(name, value, where);
}

export function checkBytes(value: unknown, where: string): Uint8Array {
  if (!(value instanceof Uint8Array)) {
    throw new InvalidArgumentError(where, `expected a Uint8Array, got ${describe(value)}`);
  }
  return value;
}

export function checkBoolean(value: unknown, where: string): boolean {
  if (typeof value !== 'boolean') {
    throw new InvalidArgumentError(where, `expected a boolean, got ${describe(value)}`);
  }
  return value;
}

export function checkRoles(value: unknown, where: string): string[] {
  if (!Array.isArray(value) || !everyItem(value, (role) => typeof role === 'string')) {
    throw new InvalidArgumentError(
      where,
      `expected an array of role names, got ${describe(value)}`,
    );
  }
  return value as string[];
}

export function checkOptionalRoles(value: unknown, where: string): string[] | null {
  return value === undefined || value === null ? null : checkRoles(value, where);
}

/** A role list that libmesos takes as a set, and CHECK-fails on when it has duplicates. */
export function checkRoleSet(value: unknown, where: string): string[] {
  const roles = checkRoles(value, where);
  const first = new Map<string, number>();
  roles.forEach((role, i) => {
    const earlier = first.get(role);
    if (earlier !== undefined) {
      throw new InvalidArgumentError(
        `${where}[${i}]`,
        `'${role}' is already ${where}[${earlier}]; libmesos would kill the process on a duplicate role`,
      );
    }
    first.set(role, i);
  });
  return roles;
}

/** An object of string values, e.g. environment variables. */
export function checkStringMap(value: unknown, where: string): Record<string, string> {
  const map = checkObject(value, where);
  for (const [key, item] of Object.entries(map)) {
    if (typeof item !== 'string') {
      throw new InvalidArgumentError(`${where}.${key}`, `expected a string, got ${describe(item)}`);
    }
  }
  return { ...(map as Record<string, string>) };
}

export function checkObject(value: unknown, where: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null) {
    throw new InvalidArgumentError(where, `expected an object, got ${describe(value)}`);
  }
  return value as Record<string, unknown>;
}
