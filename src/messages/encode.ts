import * as protobuf from 'protobufjs';
import { InvalidArgumentError } from '../errors';
import { at, fail, type Convert } from './convert';
import { isPlainObject } from './describe';
import { enumeration, scalar, wellFormed } from './encode-scalars';
import { setEntry } from './map-entry';

/** How deep protobuf (C++ and protobufjs alike) nests messages when parsing. */
export const MAX_DEPTH = 100;

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
    for (const oneof of type.oneofsArray) {
      const set = oneof.oneof.filter((name) => out[name] !== undefined);
      if (set.length > 1) {
        throw new InvalidArgumentError(
          path,
          `${set.join(' and ')} are ${set.length === 2 ? 'both' : 'all'} set; ` +
            `they are alternatives (oneof ${oneof.name}): set one`,
        );
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
      if (keyType === 'string') wellFormed(key, keyPath);
      else if (!/^-?\d+$/.test(key)) fail(keyPath, `a ${keyType} key`, key);
      setEntry(
        out,
        key,
        at(keyPath, () => element(v[key], keyPath, depth)),
      );
    }
    return out;
  };
}
