import fc from 'fast-check';
import * as protobuf from 'protobufjs';
import { withHole } from '../../support/arrays';
import { int64Range, objectOf } from './schema-arbitrary';

/** One way to break a valid message, and the path the codec must name for it. */
export interface Mutation {
  /** e.g. 'wrong value', 'hole'. */
  kind: string;
  /** e.g. the value put in. */
  detail?: unknown;
  path: string;
  apply: (root: unknown) => unknown;
}

type Segment = string | number;

/** A copy of `value` with the value at `segments` replaced (undefined deletes it). */
function replaceAt(value: unknown, segments: Segment[], replacement: unknown): unknown {
  if (segments.length === 0) return replacement;
  const [head, ...rest] = segments;
  if (Array.isArray(value)) {
    const copy = [...value];
    copy[head as number] = replaceAt(value[head as number], rest, replacement);
    return copy;
  }
  const source = value as Record<string, unknown>;
  const entries = Object.keys(source).map((key): [string, unknown] => [key, source[key]]);
  const next = replaceAt(source[head as string], rest, replacement);
  const kept = entries.filter(([key]) => key !== head);
  return objectOf(next === undefined ? kept : [...kept, [head as string, next]]);
}

const BUILT_INS: [string, () => unknown][] = [
  ['Date', () => new Date(0)],
  ['Map', () => new Map()],
  ['Set', () => new Set()],
  ['RegExp', () => /x/],
  ['Uint8Array', () => new Uint8Array(1)],
  ['ArrayBuffer', () => new ArrayBuffer(1)],
  ['String', () => new String('x')],
  ['Promise', () => Promise.resolve()],
  ['class instance', () => new (class Thing {})()],
  ['function', () => () => 1],
  [
    'revoked Proxy',
    () => {
      const { proxy, revoke } = Proxy.revocable({}, {});
      revoke();
      return proxy;
    },
  ],
];

/** A copy of the message whose `name` is a getter that throws. */
function withThrowingGetter(message: Record<string, unknown>, name: string): object {
  const copy = objectOf(Object.entries(message));
  return Object.defineProperty(copy, name, {
    enumerable: true,
    get() {
      throw new Error('getter failed');
    },
  });
}

function valueKind(field: protobuf.Field): string {
  if (field.resolvedType instanceof protobuf.Type) return 'a message';
  if (field.resolvedType instanceof protobuf.Enum) return 'an enum';
  return int64Range(field.type) ? 'a 64-bit integer' : field.type;
}

/** Values no field of this type accepts. */
function wrongValues(field: protobuf.Field): unknown[] {
  const resolved = field.resolvedType;
  if (resolved instanceof protobuf.Type) return ['x', 5, [], true];
  if (resolved instanceof protobuf.Enum) return ['NO_SUCH_VALUE', 123456, true];
  const range = int64Range(field.type);
  if (range) return [range[0] - 1n, range[1] + 1n, 2 ** 60, 1.5, '1', NaN];
  switch (field.type) {
    case 'double':
    case 'float':
      return [NaN, Infinity, -Infinity, '1', 1n];
    case 'bool':
      return ['true', 0];
    case 'string':
      return [5, 'lone \uD800', '\uDC00 lone', new String('x'), ['x']];
    case 'bytes':
      return ['text', [1, 2], new ArrayBuffer(1)];
    default:
      return [1.5, 2 ** 32, -(2 ** 32), '1', 1n, NaN];
  }
}

/**
 * Every mutation of a valid message of `type` at `path`: wrong values of each field (and
 * element and map value), holes, built-ins for messages, unknown fields, missing required
 * fields. Each leaves exactly one thing wrong.
 */
export function mutationsOf(type: protobuf.Type, value: Record<string, unknown>, path: string) {
  const found: Mutation[] = [];
  const visit = (
    messageType: protobuf.Type,
    message: Record<string, unknown>,
    at: Segment[],
    where: string,
  ) => {
    const put = (kind: string, segments: Segment[], path: string, replacement: unknown) =>
      found.push({
        kind,
        detail: replacement,
        path,
        apply: (root) => replaceAt(root, segments, replacement),
      });
    for (const [, make] of BUILT_INS) put('built-in as a message', at, where, make());
    put('unknown field', [...at, 'noSuchField'], `${where}.noSuchField`, 1);
    put('__proto__ as a field', [...at, '__proto__'], `${where}.__proto__`, {});
    for (const field of messageType.fieldsArray) {
      const fieldPath = `${where}.${field.name}`;
      const segments = [...at, field.name];
      const current = message[field.name];
      if (field.required) put('required field missing', segments, fieldPath, undefined);
      if (current === undefined) continue;
      put('throwing getter', at, fieldPath, withThrowingGetter(message, field.name));
      const element = (value: unknown, segments: Segment[], path: string) => {
        const kind = `wrong value for ${valueKind(field)}`;
        for (const wrong of wrongValues(field)) put(kind, segments, path, wrong);
        if (field.resolvedType instanceof protobuf.Type) {
          visit(field.resolvedType, value as Record<string, unknown>, segments, path);
        }
      };
      if (field instanceof protobuf.MapField) {
        put('a Map as a map', segments, fieldPath, new Map());
        for (const key of Object.keys(current as object)) {
          const entry = (current as Record<string, unknown>)[key];
          element(entry, [...segments, key], `${fieldPath}['${key}']`);
          const lone = 'k\uD800';
          put('lone surrogate in a key', [...segments, lone], `${fieldPath}['${lone}']`, entry);
        }
      } else if (field.repeated) {
        const items = current as unknown[];
        put('a Set as an array', segments, fieldPath, new Set(items));
        items.forEach((item, i) => {
          put('hole', segments, `${fieldPath}[${i}]`, withHole(items, i));
          element(item, [...segments, i], `${fieldPath}[${i}]`);
        });
      } else {
        element(current, segments, fieldPath);
      }
    }
  };
  visit(type, value, [], path);
  return found;
}

/** A valid message and one of its mutations: a kind drawn uniformly, then a site of it. */
export function mutated(
  type: protobuf.Type,
  valid: fc.Arbitrary<Record<string, unknown>>,
  path: string,
): fc.Arbitrary<{ value: unknown; mutation: Mutation }> {
  return valid.chain((value) => {
    const byKind = new Map<string, Mutation[]>();
    for (const mutation of mutationsOf(type, value, path)) {
      byKind.set(mutation.kind, [...(byKind.get(mutation.kind) ?? []), mutation]);
    }
    return fc
      .constantFrom(...byKind.values())
      .chain((mutations) => fc.constantFrom(...mutations))
      .map((mutation) => ({ value: mutation.apply(value), mutation }));
  });
}
