import { InvalidArgumentError } from '../errors';
import type { NativeLogEntry } from '../native/binding';

// The entries of a log a LogState is about to recover from, checked as libmesos's
// LogStorage applies them (state/log.cpp): it aborts the process (CHECK) on an entry whose
// type field says snapshot, diff or expunge without the matching field, and on a diff of a
// variable with no snapshot. Each entry must be a mesos.internal.state.Operation:
// type (1, varint: SNAPSHOT 1, EXPUNGE 2, DIFF 3), snapshot (2) and diff (4) holding an
// Entry (1) of name (1), uuid (2), value (3), expunge (3) holding a name (1).

/** @internal Throws an InvalidArgumentError naming `log` at the first entry LogStorage could not apply. */
export function checkLogStateEntries(entries: NativeLogEntry[]): void {
  const snapshots = new Set<string>();
  for (const entry of entries) {
    const problem = applyEntry(entry.data, snapshots);
    if (problem) {
      throw new InvalidArgumentError(
        'log',
        `the entry at position ${entry.position} is not a LogState operation (${problem}); ` +
          'a LogState can only use a log that only LogStates have written',
      );
    }
  }
}

function applyEntry(data: Uint8Array, snapshots: Set<string>): string | undefined {
  const fields = parse(data);
  if (typeof fields === 'string') return fields;
  const type = fields.get(1);
  if (typeof type !== 'bigint') return 'no type';
  const nested = (field: number) => {
    const bytes = fields.get(field);
    return bytes instanceof Uint8Array ? parse(bytes) : undefined;
  };
  if (type === 1n || type === 3n) {
    const operation = nested(type === 1n ? 2 : 4);
    if (operation === undefined)
      return `type ${type} without its ${type === 1n ? 'snapshot' : 'diff'}`;
    if (typeof operation === 'string') return operation;
    const variable = operation.get(1);
    const parsed = variable instanceof Uint8Array ? parse(variable) : 'no entry';
    if (typeof parsed === 'string') return parsed;
    const name = parsed.get(1);
    if (
      !(name instanceof Uint8Array) ||
      !(parsed.get(2) instanceof Uint8Array) ||
      !(parsed.get(3) instanceof Uint8Array)
    ) {
      return 'an entry without its name, uuid or value';
    }
    const key = Buffer.from(name).toString('latin1');
    if (type === 3n && !snapshots.has(key)) return 'a diff of a variable with no snapshot';
    snapshots.add(key);
    return undefined;
  }
  if (type === 2n) {
    const expunge = nested(3);
    if (expunge === undefined) return 'type 2 without its expunge';
    if (typeof expunge === 'string') return expunge;
    const name = expunge.get(1);
    if (!(name instanceof Uint8Array)) return 'an expunge without its name';
    snapshots.delete(Buffer.from(name).toString('latin1'));
    return undefined;
  }
  return `unknown type ${type}`;
}

// Protocol buffer fields (the last of each number), or a string saying why not.
function parse(data: Uint8Array): Map<number, bigint | Uint8Array> | string {
  const fields = new Map<number, bigint | Uint8Array>();
  let offset = 0;
  const varint = (): bigint | undefined => {
    let value = 0n;
    for (let shift = 0n; shift < 70n; shift += 7n) {
      if (offset >= data.length) return undefined;
      const byte = data[offset++];
      value |= BigInt(byte & 0x7f) << shift;
      if (byte < 0x80) return value;
    }
    return undefined;
  };
  while (offset < data.length) {
    const key = varint();
    if (key === undefined) return 'not a protocol buffer';
    const field = Number(key >> 3n);
    const wire = Number(key & 7n);
    if (wire === 0) {
      const value = varint();
      if (value === undefined) return 'not a protocol buffer';
      fields.set(field, value);
    } else if (wire === 2) {
      const length = varint();
      if (length === undefined || offset + Number(length) > data.length) {
        return 'not a protocol buffer';
      }
      fields.set(field, data.subarray(offset, offset + Number(length)));
      offset += Number(length);
    } else if (wire === 1 || wire === 5) {
      offset += wire === 1 ? 8 : 4;
      if (offset > data.length) return 'not a protocol buffer';
    } else {
      return 'not a protocol buffer';
    }
  }
  return fields;
}
