import * as protobuf from 'protobufjs';
import { is64Bit } from '../int64';
import { tsName } from './type-names';

const SCALARS: Record<string, string> = {
  double: 'number',
  float: 'number',
  int32: 'number',
  uint32: 'number',
  sint32: 'number',
  fixed32: 'number',
  sfixed32: 'number',
  bool: 'boolean',
  string: 'string',
  bytes: 'Uint8Array',
};

function fieldType(field: protobuf.Field): string {
  field.resolve();
  const resolved = field.resolvedType;
  let type: string;
  if (resolved) type = tsName(resolved.fullName);
  else if (is64Bit(field.type)) type = 'bigint';
  else type = SCALARS[field.type];
  if (field instanceof protobuf.MapField) return `Record<string, ${type}>`;
  return field.repeated ? `${type}[]` : type;
}

function collect(namespace: protobuf.NamespaceBase, out: protobuf.ReflectionObject[]): void {
  for (const nested of namespace.nestedArray) {
    if (nested instanceof protobuf.Type || nested instanceof protobuf.Enum) out.push(nested);
    if (nested instanceof protobuf.Namespace || nested instanceof protobuf.Type) {
      if (!(nested instanceof protobuf.Service)) collect(nested, out);
    }
  }
}

/** TypeScript declarations for every message and enum of the given packages. */
export function typescriptTypes(
  root: protobuf.Root,
  packages: readonly string[],
  header: string,
): string {
  const objects: protobuf.ReflectionObject[] = [];
  for (const name of packages) {
    const namespace = root.lookup(name);
    if (!(namespace instanceof protobuf.Namespace)) throw new Error(`no package ${name}`);
    for (const nested of namespace.nestedArray) {
      if (nested instanceof protobuf.Type || nested instanceof protobuf.Enum) {
        objects.push(nested);
        if (nested instanceof protobuf.Type) collect(nested, objects);
      }
    }
  }
  objects.sort((a, b) => tsName(a.fullName).localeCompare(tsName(b.fullName)));
  const lines = [header, ''];
  for (const object of objects) {
    const name = tsName(object.fullName);
    if (object instanceof protobuf.Enum) {
      const values = Object.keys(object.values).map((value) => `'${value}'`);
      lines.push(`export type ${name} = ${values.join(' | ')};`, '');
    } else if (object instanceof protobuf.Type && object.fieldsArray.length === 0) {
      lines.push(`export type ${name} = Record<string, never>;`, '');
    } else if (object instanceof protobuf.Type) {
      lines.push(`export interface ${name} {`);
      for (const field of object.fieldsArray) {
        // Decoded messages always carry repeated fields (as arrays); Input<T> makes them optional.
        const always = field.required || (field.repeated && !(field instanceof protobuf.MapField));
        lines.push(`  ${field.name}${always ? '' : '?'}: ${fieldType(field)};`);
      }
      lines.push('}', '');
    }
  }
  return lines.join('\n');
}
