import * as protobuf from 'protobufjs';
import { isPlainObject } from './describe';
import { MAX_DEPTH } from './encode';
import { schema } from './schema';

/**
 * The fast path of encodeMessage: one generated function per message type that checks a
 * plain value and writes its protobuf bytes in the same pass, with no intermediate object
 * and no field paths. It only says whether it could: anything it does not handle, or that
 * is not valid, makes it give up (return false), and encodeMessage then runs the checking
 * converter (encode.ts), which writes the same bytes or throws the error naming the field.
 * So it may accept only what the converter accepts, and must write what protobufjs writes
 * for the converted value (fields by id, unpacked repeated fields).
 */
export type FastEncode = (value: unknown, depth: number) => boolean;

/** A growable scratch buffer that fast encoders write into; copied out once per message. */
class Scratch {
  buf = Buffer.allocUnsafe(4096);
  pos = 0;

  ensure(extra: number): void {
    if (this.pos + extra <= this.buf.length) return;
    let size = this.buf.length * 2;
    while (size < this.pos + extra) size *= 2;
    const grown = Buffer.allocUnsafe(size);
    this.buf.copy(grown, 0, 0, this.pos);
    this.buf = grown;
  }

  varint(value: number): void {
    this.ensure(10);
    const buf = this.buf;
    let pos = this.pos;
    while (value > 127) {
      buf[pos++] = (value % 128) | 128;
      value = Math.floor(value / 128);
    }
    buf[pos++] = value;
    this.pos = pos;
  }

  double(value: number): void {
    this.ensure(8);
    this.buf.writeDoubleLE(value, this.pos);
    this.pos += 8;
  }

  float(value: number): void {
    this.ensure(4);
    this.buf.writeFloatLE(value, this.pos);
    this.pos += 4;
  }

  string(text: string): void {
    const length = text.length;
    this.ensure(length * 3 + 5);
    const buf = this.buf;
    // Most strings are short ASCII: write those byte by byte behind a one-byte length.
    if (length < 128) {
      const start = this.pos + 1;
      let i = 0;
      for (; i < length; i++) {
        const code = text.charCodeAt(i);
        if (code > 127) break;
        buf[start + i] = code;
      }
      if (i === length) {
        buf[this.pos] = length;
        this.pos = start + length;
        return;
      }
    }
    const bytes = Buffer.byteLength(text, 'utf8');
    this.varint(bytes);
    this.buf.write(text, this.pos, bytes, 'utf8');
    this.pos += bytes;
  }

  bytes(value: Uint8Array): void {
    this.varint(value.length);
    this.ensure(value.length);
    this.buf.set(value, this.pos);
    this.pos += value.length;
  }

  /** Reserves one byte for a length; finish(start) writes it (moving the bytes if longer). */
  fork(): number {
    this.ensure(1);
    return this.pos++;
  }

  finish(start: number): void {
    const length = this.pos - start - 1;
    if (length < 128) {
      this.buf[start] = length;
      return;
    }
    let extra = 0;
    for (let rest = length; rest > 127; rest = Math.floor(rest / 128)) extra++;
    this.ensure(extra);
    this.buf.copyWithin(start + 1 + extra, start + 1, this.pos);
    const end = this.pos + extra;
    this.pos = start;
    this.varint(length);
    this.pos = end;
  }
}

export const scratch = new Scratch();

const INT32_BOUNDS: Record<string, [number, number]> = {
  int32: [0, 2147483647], // negative int32 takes 10 bytes: left to the converter
  uint32: [0, 4294967295],
};
const INT64_TYPES = new Set(['int64', 'uint64']); // non-negative safe integers only

const compiled = new WeakMap<protobuf.Type, FastEncode>();

/** The fast encoder of a message type, generated once. */
export function fastEncoder(type: protobuf.Type): FastEncode {
  const cached = compiled.get(type);
  if (cached) return cached;
  const deps: FastEncode[] = [];
  const enums: Array<{ names: Record<string, number>; numbers: Set<number> }> = [];
  const lines: string[] = [];
  const emit = (line: string) => lines.push(line);
  // Set before the fields' types are compiled, so a type that nests itself finds itself.
  let generated: FastEncode = () => false;
  const entry: FastEncode = (value, depth) => generated(value, depth);
  compiled.set(type, entry);

  emit(`if (depth > ${MAX_DEPTH} || !isPlainObject(v)) return false;`);
  emit('let n = 0, x, at;');
  const fields = type.fieldsArray.slice().sort((a, b) => a.id - b.id);
  for (const field of fields) {
    field.resolve();
    const key = JSON.stringify(field.name);
    emit(`x = v[${key}];`);
    emit('if (x !== undefined) { n++; if (x !== null) {');
    const write = valueWriter(field, deps, enums);
    if (write === null) {
      emit('return false;'); // a kind this path does not write: the converter does
    } else if (field.repeated) {
      emit('if (!Array.isArray(x)) return false;');
      emit('for (let i = 0; i < x.length; i++) { const e = x[i];');
      emit('if (e === undefined || e === null) return false;');
      emit(write('e'));
      emit('}');
    } else {
      emit(write('x'));
    }
    emit('} }');
    if (field.required) emit('else return false;');
    if (field.required) emit(`if (x === null) return false;`);
  }
  // Unknown keys (and keys set to undefined) are counted apart: the converter decides.
  emit('if (Object.keys(v).length !== n) return false;');
  for (const oneof of type.oneofsArray) {
    const set = oneof.oneof.map((name) => `(v[${JSON.stringify(name)}] != null ? 1 : 0)`);
    emit(`if (${set.join(' + ')} > 1) return false;`);
  }
  emit('return true;');

  const factory = new Function(
    'isPlainObject',
    'w',
    'deps',
    'enums',
    `return function encode_${type.name}(v, depth) {\n${lines.join('\n')}\n};`,
  ) as (plain: typeof isPlainObject, w: Scratch, d: FastEncode[], e: typeof enums) => FastEncode;
  generated = factory(isPlainObject, scratch, deps, enums);
  return entry;
}

/** Code that checks and writes one value held in `ref` (tag included), or null. */
function valueWriter(
  field: protobuf.Field,
  deps: FastEncode[],
  enums: Array<{ names: Record<string, number>; numbers: Set<number> }>,
): ((ref: string) => string) | null {
  if (field instanceof protobuf.MapField || field.packed) return null;
  const tag = (wire: number) => `w.varint(${(field.id << 3) | wire});`;
  const resolved = field.resolvedType;
  if (resolved instanceof protobuf.Type) {
    const index = deps.push(fastEncoder(resolved)) - 1;
    return (ref) =>
      `${tag(2)} at = w.fork(); if (!deps[${index}](${ref}, depth + 1)) return false; w.finish(at);`;
  }
  if (resolved instanceof protobuf.Enum) {
    const values = resolved.values;
    if (Object.values(values).some((number) => number < 0)) return null;
    const index =
      enums.push({
        names: Object.assign(Object.create(null) as Record<string, number>, values),
        numbers: new Set(Object.values(values)),
      }) - 1;
    return (ref) =>
      `{ const en = enums[${index}]; let num;` +
      ` if (typeof ${ref} === 'string') { num = en.names[${ref}]; if (num === undefined) return false; }` +
      ` else if (typeof ${ref} === 'number' && en.numbers.has(${ref})) num = ${ref};` +
      ` else return false; ${tag(0)} w.varint(num); }`;
  }
  switch (field.type) {
    case 'double':
      return (ref) =>
        `if (typeof ${ref} !== 'number' || !Number.isFinite(${ref})) return false; ${tag(1)} w.double(${ref});`;
    case 'float':
      return (ref) =>
        `if (typeof ${ref} !== 'number' || !Number.isFinite(${ref})) return false; ${tag(5)} w.float(${ref});`;
    case 'int32':
    case 'uint32': {
      const [min, max] = INT32_BOUNDS[field.type];
      return (ref) =>
        `if (typeof ${ref} !== 'number' || !Number.isInteger(${ref}) || ${ref} < ${min} || ${ref} > ${max}) return false; ${tag(0)} w.varint(${ref});`;
    }
    case 'bool':
      return (ref) =>
        `if (typeof ${ref} !== 'boolean') return false; ${tag(0)} w.varint(${ref} ? 1 : 0);`;
    case 'string':
      return (ref) =>
        `if (typeof ${ref} !== 'string' || !${ref}.isWellFormed()) return false; ${tag(2)} w.string(${ref});`;
    case 'bytes':
      return (ref) =>
        `if (!(${ref} instanceof Uint8Array)) return false; ${tag(2)} w.bytes(${ref});`;
    default:
      if (INT64_TYPES.has(field.type)) {
        return (ref) =>
          `if (typeof ${ref} !== 'number' || !Number.isSafeInteger(${ref}) || ${ref} < 0) return false; ${tag(0)} w.varint(${ref});`;
      }
      return null;
  }
}

/**
 * Runs the fast encoder; the bytes, or null when the converter has to decide. A value whose
 * reading throws (a getter, a Proxy) is left to the converter too, which reports it.
 */
let busy = false;

export function tryFastEncode(type: protobuf.Type, value: unknown): Uint8Array | null {
  // A getter that encodes a message itself would write into the same scratch buffer.
  if (busy) return null;
  const encode = fastEncoder(type);
  busy = true;
  scratch.pos = 0;
  try {
    if (!encode(value, 0)) return null;
    // A copy (from Node's pool for small sizes), as protobufjs's writer returns.
    return Buffer.from(scratch.buf.subarray(0, scratch.pos));
  } catch {
    return null;
  } finally {
    busy = false;
  }
}

const types = new Map<string, protobuf.Type>();

/** By message name (e.g. 'mesos.TaskInfo'): the bytes, or null for the converter to decide. */
export function tryFastEncodeNamed(name: string, value: unknown): Uint8Array | null {
  let type = types.get(name);
  if (!type) {
    const found = schema().root.lookup(name);
    if (!(found instanceof protobuf.Type)) return null;
    type = found;
    types.set(name, type);
  }
  return tryFastEncode(type, value);
}
