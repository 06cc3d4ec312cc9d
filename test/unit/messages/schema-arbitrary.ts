import fc from 'fast-check';
import * as protobuf from 'protobufjs';
import { schema } from '../../../src/messages/schema';

/** Valid plain messages of any type in the schema, generated from the schema itself. */

/** Below this many messages deep, optional and repeated message fields are left out. */
const MAX_DEPTH = 3;

export function messageTypes(): protobuf.Type[] {
  const types: protobuf.Type[] = [];
  const walk = (namespace: protobuf.NamespaceBase): void => {
    for (const nested of namespace.nestedArray) {
      if (nested instanceof protobuf.Type) types.push(nested);
      if (nested instanceof protobuf.Namespace || nested instanceof protobuf.Type) walk(nested);
    }
  };
  walk(schema().root);
  return types;
}

export const typeName = (type: protobuf.Type): string => type.fullName.slice(1);

/** An object with these entries, set as own properties (so '__proto__' stays a key). */
export function objectOf(entries: [string, unknown][]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of entries) {
    Object.defineProperty(out, key, {
      value,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return out;
}

/** The range of a 32-bit integer type, as protobuf defines it. */
function int32Range(type: string): [number, number] | undefined {
  if (!/^(s?fixed|u?int|sint)32$/.test(type)) return undefined;
  return type === 'uint32' || type === 'fixed32' ? [0, 2 ** 32 - 1] : [-(2 ** 31), 2 ** 31 - 1];
}

/** The range of a 64-bit integer type, as protobuf defines it. */
export function int64Range(type: string): [bigint, bigint] | undefined {
  if (!/^(s?fixed|u?int|sint)64$/.test(type)) return undefined;
  return type === 'uint64' || type === 'fixed64'
    ? [0n, 2n ** 64n - 1n]
    : [-(2n ** 63n), 2n ** 63n - 1n];
}

function scalarArbitrary(type: string): fc.Arbitrary<unknown> {
  if (type === 'double') return fc.double({ noNaN: true, noDefaultInfinity: true });
  if (type === 'float') return fc.float({ noNaN: true, noDefaultInfinity: true });
  const int32 = int32Range(type);
  if (int32) return fc.integer({ min: int32[0], max: int32[1] });
  const int64 = int64Range(type);
  if (int64) {
    const [min, max] = int64;
    const number = min < 0n ? fc.maxSafeInteger() : fc.maxSafeNat();
    return fc.oneof(fc.bigInt({ min, max }), fc.constantFrom(min, max), number);
  }
  if (type === 'bool') return fc.boolean();
  if (type === 'string')
    return fc.oneof(fc.string({ maxLength: 6 }), fc.string({ unit: 'binary', maxLength: 4 }));
  if (type === 'bytes') return fc.uint8Array({ maxLength: 6 });
  throw new Error(`no arbitrary for ${type}`);
}

/** One value of the field's element type (a message, an enum name or a scalar). */
function elementArbitrary(field: protobuf.Field, depth: number): fc.Arbitrary<unknown> {
  field.resolve();
  const resolved = field.resolvedType;
  if (resolved instanceof protobuf.Type) return messageArbitrary(resolved, depth + 1);
  if (resolved instanceof protobuf.Enum) return fc.constantFrom(...Object.keys(resolved.values));
  return scalarArbitrary(field.type);
}

/** A valid value of the field: element, array or map. */
export function fieldArbitrary(field: protobuf.Field, depth: number): fc.Arbitrary<unknown> {
  const element = elementArbitrary(field, depth);
  if (field instanceof protobuf.MapField) {
    const key =
      field.keyType === 'string'
        ? fc.oneof(fc.string({ maxLength: 4 }), fc.constant('__proto__'))
        : scalarArbitrary(field.keyType).map(String);
    return fc
      .uniqueArray(fc.tuple(key, element), { maxLength: 2, selector: ([k]) => k })
      .map(objectOf);
  }
  return field.repeated ? fc.array(element, { maxLength: 2 }) : element;
}

const isMessage = (field: protobuf.Field) => field.resolve().resolvedType instanceof protobuf.Type;

const arbitraries = new Map<string, fc.Arbitrary<Record<string, unknown>>>();

export function messageArbitrary(
  type: protobuf.Type,
  depth = 0,
): fc.Arbitrary<Record<string, unknown>> {
  const key = `${type.fullName}@${Math.min(depth, MAX_DEPTH)}`;
  const cached = arbitraries.get(key);
  if (cached) return cached;
  const fields = type.fieldsArray.filter(
    (field) => field.required || depth < MAX_DEPTH || !isMessage(field),
  );
  const model: Record<string, fc.Arbitrary<unknown>> = {};
  for (const field of fields) model[field.name] = fieldArbitrary(field, depth);
  const requiredKeys = fields.filter((field) => field.required).map((field) => field.name);
  const arbitrary = fc
    .record(model, { requiredKeys })
    .map((message) => withOneMemberEach(type, message as Record<string, unknown>));
  arbitraries.set(key, arbitrary);
  return arbitrary;
}

/** Leaves the first member of each oneof that has several. */
function withOneMemberEach(
  type: protobuf.Type,
  message: Record<string, unknown>,
): Record<string, unknown> {
  for (const oneof of type.oneofsArray) {
    for (const name of oneof.oneof.filter((n) => n in message).slice(1)) delete message[name];
  }
  return message;
}
