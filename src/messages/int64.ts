import type Long from 'long';

const LONG_TYPES = new Set(['int64', 'uint64', 'sint64', 'fixed64', 'sfixed64']);
const UNSIGNED = new Set(['uint64', 'fixed64']);

export function is64Bit(type: string): boolean {
  return LONG_TYPES.has(type);
}

export function isUnsigned64(type: string): boolean {
  return UNSIGNED.has(type);
}

/** protobufjs's decoded 64-bit value (a Long, or a number when Long is absent) as a bigint. */
export function longToBigInt(value: Long | number, unsigned: boolean): bigint {
  if (typeof value === 'number') return BigInt(value);
  const bits = (BigInt(value.high >>> 0) << 32n) | BigInt(value.low >>> 0);
  return unsigned ? bits : BigInt.asIntN(64, bits);
}

/** A bigint as the low/high words protobufjs writes. */
export function bigIntToLongBits(value: bigint, unsigned: boolean) {
  const bits = BigInt.asUintN(64, value);
  return {
    low: Number(bits & 0xffffffffn) | 0,
    high: Number(bits >> 32n) | 0,
    unsigned,
  };
}
