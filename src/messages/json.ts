/**
 * A JSON.stringify replacer for messages: 64-bit fields (bigint, which JSON.stringify
 * refuses) become decimal strings, as in Mesos's own JSON, and bytes (Uint8Array) become
 * base64 strings. `JSON.stringify(offer, messageReplacer)`.
 */
export function messageReplacer(_key: string, value: unknown): unknown {
  if (typeof value === 'bigint') return value.toString();
  if (value instanceof Uint8Array) return Buffer.from(value).toString('base64');
  return value;
}

/** JSON text of a message (or anything holding messages), with messageReplacer. */
export function messageToJson(value: unknown, space?: string | number): string {
  return JSON.stringify(value, messageReplacer, space);
}
