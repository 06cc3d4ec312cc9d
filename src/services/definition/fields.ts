import { InvalidArgumentError } from '../../errors';

/** Readers of one JSON field each: they return the value or throw naming `path`. */

/** The path of a field: `key` at the top, `path.key` below. */
export const at = (path: string, key: string): string => (path === '' ? key : `${path}.${key}`);

export function fail(path: string, message: string): never {
  throw new InvalidArgumentError(path, message);
}

const describe = (value: unknown): string =>
  Array.isArray(value) ? 'an array' : value === null ? 'null' : typeof value;

export function object(value: unknown, path: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    fail(path, `expected an object, got ${describe(value)}`);
  }
  return value as Record<string, unknown>;
}

/** The object's keys must be among `known`: a misspelt field is an error, not ignored. */
export function onlyKeys(value: Record<string, unknown>, known: string[], path: string): void {
  for (const key of Object.keys(value)) {
    if (!known.includes(key)) fail(at(path, key), `unknown field (known: ${known.join(', ')})`);
  }
}

export function array(value: unknown, path: string): unknown[] {
  if (!Array.isArray(value)) fail(path, `expected an array, got ${describe(value)}`);
  return value;
}

export function string(value: unknown, path: string): string {
  if (typeof value !== 'string' || value === '') {
    fail(path, `expected a non-empty string, got ${describe(value)}`);
  }
  return value;
}

const NAME = /^[A-Za-z0-9_-]+$/;

export function name(value: unknown, path: string): string {
  const text = string(value, path);
  if (!NAME.test(text)) fail(path, `'${text}' may hold only letters, digits, '-' and '_'`);
  return text;
}

export function number(
  value: unknown,
  path: string,
  bounds: { min?: number; max?: number; integer?: boolean; above?: number } = {},
): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    fail(path, `expected a number, got ${describe(value)}`);
  }
  if (bounds.integer && !Number.isInteger(value))
    fail(path, `expected a whole number, got ${value}`);
  if (bounds.min !== undefined && value < bounds.min) {
    fail(path, `must be at least ${bounds.min}, got ${value}`);
  }
  if (bounds.above !== undefined && !(value > bounds.above)) {
    fail(path, `must be more than ${bounds.above}, got ${value}`);
  }
  if (bounds.max !== undefined && value > bounds.max) {
    fail(path, `must be at most ${bounds.max}, got ${value}`);
  }
  return value;
}

export function boolean(value: unknown, path: string): boolean {
  if (typeof value !== 'boolean') fail(path, `expected true or false, got ${describe(value)}`);
  return value;
}

export function oneOf<T extends string>(value: unknown, choices: readonly T[], path: string): T {
  if (typeof value !== 'string' || !choices.includes(value as T)) {
    fail(path, `expected one of ${choices.join(', ')}, got ${JSON.stringify(value)}`);
  }
  return value as T;
}

export function stringMap(value: unknown, path: string): Record<string, string> {
  const map = object(value, path);
  for (const [key, entry] of Object.entries(map)) {
    if (typeof entry !== 'string') fail(at(path, key), `expected a string, got ${describe(entry)}`);
  }
  return { ...(map as Record<string, string>) };
}

/** A shell command (a string) or a program with its arguments (an array of strings). */
export function command(value: unknown, path: string): string | string[] {
  if (typeof value === 'string') return string(value, path);
  const parts = array(value, path);
  if (parts.length === 0) fail(path, 'expected a command: a string, or a non-empty array');
  return parts.map((part, i) => string(part, `${path}[${i}]`));
}

/** Reads `key` when present (not undefined) with `read`. */
export function optional<T>(
  value: Record<string, unknown>,
  key: string,
  path: string,
  read: (field: unknown, fieldPath: string) => T,
): T | undefined {
  return value[key] === undefined ? undefined : read(value[key], at(path, key));
}
