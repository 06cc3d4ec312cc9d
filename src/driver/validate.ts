import { InvalidArgumentError } from '../errors';
import { encode } from '../messages/codec';

/** Encodes a message, turning the codec's TypeError into InvalidArgumentError naming `where`. */
export function encodeArg(name: string, value: unknown, where: string): Uint8Array {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new InvalidArgumentError(where, `expected a ${name} object, got ${describe(value)}`);
  }
  try {
    return encode(name, value, where);
  } catch (error) {
    if (error instanceof TypeError) {
      // The codec's message is '<full path>: <what was expected>'.
      const split = error.message.indexOf(': ');
      const path = split > 0 ? error.message.slice(0, split) : where;
      throw new InvalidArgumentError(path, error.message.slice(split + 2), { cause: error });
    }
    throw error;
  }
}

/** Encodes each element of an array argument; where is e.g. 'tasks[0]'. */
export function encodeArray(name: string, values: unknown, where: string): Uint8Array[] {
  if (!Array.isArray(values)) {
    throw new InvalidArgumentError(where, `expected an array of ${name}, got ${describe(values)}`);
  }
  return values.map((value, i) => encodeArg(name, value, `${where}[${i}]`));
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
  if (!Array.isArray(value) || !value.every((role) => typeof role === 'string')) {
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

export function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (value instanceof Uint8Array) return 'a Uint8Array';
  return typeof value;
}
