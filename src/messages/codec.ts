/** The message codec (src/messages), loaded on first use. */
export interface Codec {
  encodeMessage(name: string, value: unknown, where: string): Uint8Array;
  decodeMessage(name: string, bytes: Uint8Array): unknown;
}

let codec: Codec | undefined;

export function messages(): Codec {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  codec ??= require('./index') as Codec;
  return codec;
}

export function encode(name: string, value: unknown, where: string): Uint8Array {
  return messages().encodeMessage(name, value, where);
}

export function decode<T>(name: string, bytes: Uint8Array): T {
  return messages().decodeMessage(name, bytes) as T;
}
