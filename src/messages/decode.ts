import * as protobuf from 'protobufjs';
import { is64Bit, isUnsigned64, longToBigInt } from './int64';
import { setEntry } from './map-entry';

type ToPlain = (value: unknown) => unknown;

const compiled = new WeakMap<protobuf.Type, ToPlain>();

/**
 * Decoded message to plain object: camelCase fields, enum names, bytes as Uint8Array,
 * 64-bit integers as bigint; unset optional fields are absent, repeated fields always arrays.
 */
export function plainConverter(type: protobuf.Type): ToPlain {
  const cached = compiled.get(type);
  if (cached) return cached;
  const fields: [name: string, convert: ToPlain, repeated: boolean, map: boolean][] = [];
  const toPlain: ToPlain = (message) => {
    const source = message as Record<string, unknown>;
    const out: Record<string, unknown> = {};
    for (const [name, convert, repeated, map] of fields) {
      if (!Object.prototype.hasOwnProperty.call(source, name)) {
        if (repeated) out[name] = [];
        continue;
      }
      const value = source[name];
      if (repeated) {
        const items = value as unknown[];
        const list = new Array(items.length);
        for (let i = 0; i < items.length; i++) list[i] = convert(items[i]);
        out[name] = list;
      } else if (map) {
        const entries: Record<string, unknown> = {};
        for (const [key, item] of Object.entries(value as object)) {
          setEntry(entries, key, convert(item));
        }
        out[name] = entries;
      } else {
        out[name] = convert(value);
      }
    }
    return out;
  };
  compiled.set(type, toPlain);
  for (const field of type.fieldsArray) {
    field.resolve();
    const isMap = field instanceof protobuf.MapField;
    fields.push([field.name, elementToPlain(field), field.repeated && !isMap, isMap]);
  }
  return toPlain;
}

function elementToPlain(field: protobuf.Field): ToPlain {
  const resolved = field.resolvedType;
  if (resolved instanceof protobuf.Type) return (v) => plainConverter(resolved)(v);
  if (resolved instanceof protobuf.Enum) {
    const names = resolved.valuesById;
    return (v) => names[v as number] ?? v;
  }
  if (is64Bit(field.type)) {
    const unsigned = isUnsigned64(field.type);
    return (v) => longToBigInt(v as never, unsigned);
  }
  if (field.type === 'bytes') {
    return (v) => {
      const bytes = v as Uint8Array;
      return Buffer.isBuffer(bytes)
        ? new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength)
        : bytes;
    };
  }
  return (v) => v;
}
