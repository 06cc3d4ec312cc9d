import * as protobuf from 'protobufjs';
import { int64Range, objectOf } from './schema-arbitrary';

/**
 * What decoding must give back for a valid input message: the same values, with 64-bit
 * integers as bigint and repeated and map fields always present.
 */
export function decodedForm(type: protobuf.Type, message: Record<string, unknown>): unknown {
  const out: [string, unknown][] = [];
  for (const field of type.fieldsArray) {
    const value = message[field.name];
    const element = (item: unknown) => elementForm(field, item);
    if (field instanceof protobuf.MapField) {
      const entries = Object.keys((value ?? {}) as object).map((key): [string, unknown] => [
        key,
        element((value as Record<string, unknown>)[key]),
      ]);
      out.push([field.name, objectOf(entries)]);
    } else if (field.repeated) {
      out.push([field.name, ((value ?? []) as unknown[]).map(element)]);
    } else if (value !== undefined) {
      out.push([field.name, element(value)]);
    }
  }
  return objectOf(out);
}

function elementForm(field: protobuf.Field, value: unknown): unknown {
  if (field.resolvedType instanceof protobuf.Type) {
    return decodedForm(field.resolvedType, value as Record<string, unknown>);
  }
  return int64Range(field.type) ? BigInt(value as number | bigint) : value;
}
