import type * as protobuf from 'protobufjs';
import { InvalidArgumentError } from '../errors';
import { fail, type Convert } from './convert';
import { bigIntToLongBits, is64Bit, isUnsigned64 } from './int64';

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

export function scalar(type: string): Convert {
  if (type === 'double' || type === 'float') {
    return (v, p) =>
      typeof v !== 'number'
        ? fail(p, 'a number', v)
        : Number.isFinite(v)
          ? v
          : fail(p, 'a finite number', v);
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
  if (type === 'string') {
    return (v, p) => (typeof v === 'string' ? wellFormed(v, p) : fail(p, 'a string', v));
  }
  if (type === 'bytes') {
    return (v, p) => (v instanceof Uint8Array ? v : fail(p, 'a Uint8Array', v));
  }
  throw new Error(`unsupported protobuf type ${type}`);
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** The text, unless it has a lone surrogate (protobufjs would write invalid UTF-8). */
export function wellFormed(text: string, path: string): string {
  const found = LONE_SURROGATE.exec(text);
  if (found) {
    const code = found[0].charCodeAt(0).toString(16).toUpperCase();
    throw new InvalidArgumentError(
      path,
      `has a lone surrogate (U+${code} at index ${found.index}), which UTF-8 cannot encode`,
    );
  }
  return text;
}

export function enumeration(type: protobuf.Enum): Convert {
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
