/** The keys of T whose values are arrays (repeated fields). */
export type ArrayKeys<T> = {
  [K in keyof T]-?: NonNullable<T[K]> extends readonly unknown[] ? K : never;
}[keyof T];

/**
 * What the API accepts where it reads a message T: the same shape, with repeated fields
 * optional, 64-bit integers also as safe-integer numbers, and bytes as any Uint8Array (a
 * Buffer too).
 */
export type Input<T> = T extends bigint
  ? bigint | number
  : T extends Uint8Array
    ? Uint8Array
    : T extends readonly (infer U)[]
      ? Input<U>[]
      : T extends object
        ? { [K in keyof T as K extends ArrayKeys<T> ? never : K]: Input<T[K]> } & {
            [K in keyof T as K extends ArrayKeys<T> ? K : never]?: Input<T[K]>;
          }
        : T;
