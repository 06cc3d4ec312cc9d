import * as protobuf from 'protobufjs';
import { plainConverter } from './decode';
import { at } from './convert';
import { messageConverter } from './encode';
import { schema } from './schema';
import { InvalidArgumentError } from '../errors';

export { schemaSource, type SchemaSource } from './schema';
export type * from './types.generated';
export type { Input, ArrayKeys } from './input';

const types = new Map<string, protobuf.Type>();

/** The schema's type of that name, e.g. 'mesos.Offer'; an InvalidArgumentError when there is none. */
export function lookup(name: string): protobuf.Type {
  let type = types.get(name);
  if (!type) {
    try {
      type = schema().root.lookupType(name);
    } catch {
      throw new InvalidArgumentError('messageType', `unknown message type ${name}`);
    }
    types.set(name, type);
  }
  return type;
}

/**
 * Encodes a plain message (see docs/messages.md) after checking it deeply; an
 * InvalidArgumentError names the path from `where` and what was expected.
 */
export function encodeMessage(name: string, value: unknown, where = 'value'): Uint8Array {
  const type = lookup(name);
  // From plain JavaScript `where` may be anything; the paths in errors start from it.
  if (typeof where !== 'string') where = 'value';
  return at(where, () => {
    const wire = messageConverter(type)(value, where, 0);
    return type.encode(wire as protobuf.Message).finish();
  });
}

/** Decodes bytes as the named message (e.g. 'mesos.TaskStatus') into its plain, typed form. */
export function decodeMessage(name: string, bytes: Uint8Array): unknown {
  const type = lookup(name);
  return plainConverter(type)(type.decode(bytes));
}
