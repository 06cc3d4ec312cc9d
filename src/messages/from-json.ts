import * as protobuf from 'protobufjs';
import { decodeMessage, encodeMessage, lookup } from './index';
import { is64Bit } from './int64';
import { InvalidArgumentError } from '../errors';

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

function reviveScalar(field: protobuf.Field, value: unknown): unknown {
  if (typeof value !== 'string') return value;
  if (is64Bit(field.type) && /^-?\d+$/.test(value)) return BigInt(value);
  if (field.type === 'bytes' && BASE64.test(value))
    return new Uint8Array(Buffer.from(value, 'base64'));
  return value;
}

function reviveValue(field: protobuf.Field, value: unknown): unknown {
  field.resolve();
  const type = field.resolvedType;
  return type instanceof protobuf.Type ? reviveMessage(type, value) : reviveScalar(field, value);
}

/** The JSON form (decimal strings for 64-bit fields, base64 for bytes) back in the plain form. */
function reviveMessage(type: protobuf.Type, value: unknown): unknown {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return value;
  const out: Record<string, unknown> = { ...value };
  for (const field of type.fieldsArray) {
    const item = out[field.name];
    if (item === undefined) continue;
    if (field.map && typeof item === 'object' && item !== null) {
      const entries = Object.entries(item).map(([key, entry]) => [key, reviveValue(field, entry)]);
      out[field.name] = Object.fromEntries(entries);
    } else if (field.repeated && Array.isArray(item)) {
      out[field.name] = item.map((entry) => reviveValue(field, entry));
    } else {
      out[field.name] = reviveValue(field, item);
    }
  }
  return out;
}

/**
 * A message from the JSON that messageToJson() wrote (or its parsed value): 64-bit fields
 * from decimal strings back to bigint, bytes from base64 back to Uint8Array, checked as
 * encodeMessage() checks (an InvalidArgumentError naming the path from `where`), and
 * returned in the form decodeMessage() gives. `messageFromJson<Offer>('mesos.Offer', text)`.
 */
export function messageFromJson<T = unknown>(name: string, json: unknown, where = 'json'): T {
  const type = lookup(name);
  let value = json;
  if (typeof json === 'string') {
    try {
      value = JSON.parse(json);
    } catch (error) {
      throw new InvalidArgumentError(where, `not JSON: ${(error as Error).message}`);
    }
  }
  return decodeMessage(name, encodeMessage(name, reviveMessage(type, value), where)) as T;
}
