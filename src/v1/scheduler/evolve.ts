import { decode, encode } from '../../messages/codec';

// The classic messages and the v1 ones are the same protobufs on the wire, with fields
// renamed (slave -> agent): one is encoded with its schema and decoded with the other's, as
// libmesos's evolve() and devolve() do.

/** A classic message (mesos.X) as its v1 counterpart (mesos.v1.X). */
export function evolve<T>(classic: string, value: unknown): T {
  return decode<T>(classic.replace(/^mesos\./, 'mesos.v1.'), encode(classic, value, classic));
}

/** A v1 message (mesos.v1.X) as its classic counterpart (mesos.X); `where` names it in errors. */
export function devolve<T>(v1: string, value: unknown, where: string): T {
  return decode<T>(v1.replace(/^mesos\.v1\./, 'mesos.'), encode(v1, value, where));
}
