import { randomUUID } from 'crypto';
import { InvalidArgumentError } from '../errors';

/** A fresh random (version 4) UUID as the 16 bytes a v1 status update's `uuid` takes. */
export function newUuid(): Uint8Array {
  return Uint8Array.from(Buffer.from(randomUUID().replace(/-/g, ''), 'hex'));
}

/**
 * libmesos's id::UUID::fromBytes, which drops a call whose uuid fails it: 16 bytes of an
 * RFC 4122 UUID of version 1 to 5 (the high nibble of byte 6).
 */
export function checkUuid(uuid: Uint8Array, where: string): void {
  if (uuid.length !== 16) {
    throw new InvalidArgumentError(
      where,
      `expected the 16 bytes of a UUID, got ${uuid.length} bytes`,
    );
  }
  const version = uuid[6] >> 4;
  if (version < 1 || version > 5) {
    throw new InvalidArgumentError(
      where,
      `not a valid UUID (version ${version}; libmesos takes versions 1 to 5, e.g. newUuid())`,
    );
  }
}
