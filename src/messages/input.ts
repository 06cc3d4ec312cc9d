/**
 * What the API accepts where it reads a message T: the same shape, with 64-bit integers
 * also as safe-integer numbers and bytes as any Uint8Array (a Buffer too).
 */
export type Input<T> = T extends bigint
  ? bigint | number
  : T extends Uint8Array
    ? Uint8Array
    : T extends readonly (infer U)[]
      ? Input<U>[]
      : T extends object
        ? { [K in keyof T]: Input<T[K]> }
        : T;
