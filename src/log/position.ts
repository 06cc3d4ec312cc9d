import { InvalidArgumentError } from '../errors';
import { describe } from '../state/validate';

const MAX = (1n << 64n) - 1n;

/**
 * An opaque position in a {@link Log} (Java's `Log.Position`): comparable, and
 * serializable through `identity()`. Positions are usually made by the log; the
 * constructor is for tests, as in Java.
 */
export class Position {
  /** @param value The position's number, 0 to 2^64 - 1. */
  constructor(readonly value: bigint) {
    if (typeof value !== 'bigint' || value < 0n || value > MAX) {
      throw new InvalidArgumentError(
        'value',
        `expected a bigint from 0 to 2^64 - 1, got ${describe(value)}`,
      );
    }
  }

  /** Negative, zero or positive as this position is before, at or after that one. */
  compareTo(that: Position): number {
    return this.value < that.value ? -1 : this.value > that.value ? 1 : 0;
  }

  /** Whether that is a Position at the same place. */
  equals(that: unknown): boolean {
    return that instanceof Position && that.value === this.value;
  }

  /** 'Position N', as Java's. */
  toString(): string {
    return `Position ${this.value}`;
  }

  /** The position as 8 bytes, big-endian (libmesos's and Java's identity()). */
  identity(): Uint8Array {
    const bytes = new Uint8Array(8);
    new DataView(bytes.buffer).setBigUint64(0, this.value);
    return bytes;
  }

  /** The position of an identity() (Java's `Log.position(identity)`). */
  static fromIdentity(identity: Uint8Array): Position {
    if (!(identity instanceof Uint8Array) || identity.byteLength !== 8) {
      throw new InvalidArgumentError('identity', 'expected the 8 bytes of Position.identity()');
    }
    return new Position(new DataView(identity.buffer, identity.byteOffset, 8).getBigUint64(0));
  }
}

/** An entry of a {@link Log} (Java's `Log.Entry`): its position and its data. */
export class Entry {
  constructor(
    readonly position: Position,
    readonly data: Uint8Array,
  ) {}
}

/** @internal An argument that must be a Position. */
export function checkPosition(value: unknown, argument: string): Position {
  if (!(value instanceof Position)) {
    throw new InvalidArgumentError(argument, `expected a Position, got ${describe(value)}`);
  }
  return value;
}
