/** The message codec (src/messages), loaded on first use. */
export interface Codec {
  encodeMessage(name: string, value: unknown, where: string): Uint8Array;
  decodeMessage(name: string, bytes: Uint8Array): unknown;
}

let codec: Codec | undefined;
let fast: typeof import('./fast-encode') | undefined;

export function messages(): Codec {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  codec ??= require('./index') as Codec;
  return codec;
}

/**
 * The fast encoder's bytes when it could write them; else the checking converter's, or its
 * error naming the field (see fast-encode.ts).
 */
export function encode(name: string, value: unknown, where: string): Uint8Array {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  fast ??= require('./fast-encode') as typeof import('./fast-encode');
  return fast.tryFastEncodeNamed(name, value) ?? messages().encodeMessage(name, value, where);
}

export function decode<T>(name: string, bytes: Uint8Array): T {
  return messages().decodeMessage(name, bytes) as T;
}
