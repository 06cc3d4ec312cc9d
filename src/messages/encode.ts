import * as protobuf from 'protobufjs';
import { InvalidArgumentError } from '../errors';
import { describe, isPlainObject } from './describe';
import { bigIntToLongBits, is64Bit, isUnsigned64 } from './int64';
import { setEntry } from './map-entry';

/**
 * Checks a plain value against a field's type and turns it into what protobufjs writes;
 * depth counts the messages around it.
 */
type Convert = (value: unknown, path: string, depth: number) => unknown;

/** How deep protobuf (C++ and protobufjs alike) nests messages when parsing. */
export const MAX_DEPTH = 100;

const INT32_RANGE: Record<string, [number, number]> = {
  int32: [-2147483648, 2147483647],
  sint32: [-2147483648, 2147483647],
  sfixed32: [-2147483648, 2147483647],
  uint32: [0, 4294967295],
  fixed32: [0, 4294967295],
};
const INT64_RANGE: Record<string, [bigint, bigint]> = {
  int64: [-(2n ** 63n), 2n ** 63n - 1n],
  sint64: [-(2n ** 63n), 2n ** 63n - 1n],
  sfixed64: [-(2n ** 63n), 2n ** 63n - 1n],
  uint64: [0n, 2n ** 64n - 1n],
  fixed64: [0n, 2n ** 64n - 1n],
};

function fail(path: string, expected: string, value: unknown): never {
  throw new InvalidArgumentError(path, `expected ${expected}, got ${describe(value)}`);
}

/**
 * Runs the step that reads and converts the value at `path`. Whatever else it throws (a
 * getter, a Proxy trap) becomes an InvalidArgumentError naming the path, with it as cause.
 */
export function at<T>(path: string, step: () => T): T {
  try {
    return step();
  } catch (error) {
    if (error instanceof InvalidArgumentError) throw error;
    throw new InvalidArgumentError(path, `could not be encoded: ${errorText(error)}`, {
      cause: error,
    });
  }
}

function errorText(error: unknown): string {
  try {
    return error instanceof Error ? error.message : String(error);
  } catch {
    return 'an exception';
  }
}

function scalar(type: string): Convert {
  if (type === 'double' || type === 'float') {
    return (v, p) => (typeof v === 'number' ? v : fail(p, 'a number', v));
  }
  if (type in INT32_RANGE) {
    const [min, max] = INT32_RANGE[type];
    return (v, p) =>
      typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max
        ? v
        : fail(p, `an integer from ${min} to ${max} (${type})`, v);
  }
  if (is64Bit(type)) {
    const [min, max] = INT64_RANGE[type];
    const unsigned = isUnsigned64(type);
    return (v, p) => {
      let big: bigint;
      if (typeof v === 'bigint') big = v;
      else if (typeof v === 'number' && Number.isSafeInteger(v)) big = BigInt(v);
      else if (typeof v === 'number' && Number.isInteger(v)) {
        return fail(p, `a bigint or a safe integer (${type}; ${v} is not exact)`, v);
      } else return fail(p, `a bigint or a safe integer (${type})`, v);
      if (big < min || big > max) fail(p, `a ${type} in range`, v);
      return bigIntToLongBits(big, unsigned);
    };
  }
  if (type === 'bool') return (v, p) => (typeof v === 'boolean' ? v : fail(p, 'a boolean', v));
  if (type === 'string') return (v, p) => (typeof v === 'string' ? v : fail(p, 'a string', v));
  if (type === 'bytes') {
    return (v, p) => (v instanceof Uint8Array ? v : fail(p, 'a Uint8Array', v));
  }
  throw new Error(`unsupported protobuf type ${type}`);
}

function enumeration(type: protobuf.Enum): Convert {
  const names = Object.keys(type.values);
  const numbers = new Set(Object.values(type.values));
  const listed = names.length <= 12 ? names.join(', ') : `${names.slice(0, 12).join(', ')}, …`;
  return (v, p) => {
    if (typeof v === 'string' && Object.prototype.hasOwnProperty.call(type.values, v)) {
      return type.values[v];
    }
    if (typeof v === 'number' && numbers.has(v)) return v;
    return fail(p, `one of ${listed} (${type.fullName.slice(1)})`, v);
  };
}

const compiled = new WeakMap<protobuf.Type, Convert>();

/** The converter of a message type, compiled once. */
export function messageConverter(type: protobuf.Type): Convert {
  const cached = compiled.get(type);
  if (cached) return cached;
  const fields = new Map<string, Convert>();
  const required: string[] = [];
  const convert: Convert = (value, path, depth) => {
    if (depth > MAX_DEPTH) {
      throw new InvalidArgumentError(
        path,
        `nested more than ${MAX_DEPTH} messages deep (the protobuf limit)`,
      );
    }
    if (!isPlainObject(value)) fail(path, `an object (${type.fullName.slice(1)})`, value);
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value)) {
      const fieldPath = `${path}.${key}`;
      const field = fields.get(key);
      if (!field) {
        throw new InvalidArgumentError(fieldPath, `unknown field of ${type.fullName.slice(1)}`);
      }
      const converted = at(fieldPath, () => {
        const v = value[key];
        return v === undefined || v === null ? undefined : field(v, fieldPath, depth);
      });
      if (converted !== undefined) out[key] = converted;
    }
    for (const name of required) {
      if (out[name] === undefined) {
        throw new InvalidArgumentError(`${path}.${name}`, 'required field missing');
      }
    }
    return out;
  };
  compiled.set(type, convert);
  for (const field of type.fieldsArray) {
    field.resolve();
    const element = elementConverter(field);
    if (field instanceof protobuf.MapField) {
      fields.set(field.name, mapOf(element, field.keyType));
    } else if (field.repeated) {
      fields.set(field.name, arrayOf(element));
    } else {
      fields.set(field.name, element);
    }
    if (field.required) required.push(field.name);
  }
  return convert;
}

function elementConverter(field: protobuf.Field): Convert {
  const resolved = field.resolvedType;
  if (resolved instanceof protobuf.Type) {
    return (v, p, depth) => messageConverter(resolved)(v, p, depth + 1);
  }
  if (resolved instanceof protobuf.Enum) return enumeration(resolved);
  return scalar(field.type);
}

function arrayOf(element: Convert): Convert {
  return (v, p, depth) => {
    if (!Array.isArray(v)) fail(p, 'an array', v);
    // Not map: it skips holes, which protobufjs would then write or drop.
    const out = new Array<unknown>(v.length);
    for (let i = 0; i < v.length; i++) {
      out[i] = at(`${p}[${i}]`, () => element(v[i], `${p}[${i}]`, depth));
    }
    return out;
  };
}

function mapOf(element: Convert, keyType: string): Convert {
  return (v, p, depth) => {
    if (!isPlainObject(v)) {
      fail(p, 'an object (map; convert a Map with Object.fromEntries)', v);
    }
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(v)) {
      const keyPath = `${p}['${key}']`;
      if (keyType !== 'string' && !/^-?\d+$/.test(key)) fail(keyPath, `a ${keyType} key`, key);
      setEntry(
        out,
        key,
        at(keyPath, () => element(v[key], keyPath, depth)),
      );
    }
    return out;
  };
}
