import { promises as dns } from 'dns';
import { InvalidArgumentError } from '../errors';

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** A string that UTF-8 can carry unchanged to libmesos. */
export function checkString(value: unknown, argument: string): string {
  if (typeof value !== 'string') {
    throw new InvalidArgumentError(argument, `expected a string, got ${describe(value)}`);
  }
  if (LONE_SURROGATE.test(value)) {
    throw new InvalidArgumentError(argument, 'has a lone surrogate, which UTF-8 cannot encode');
  }
  if (value.includes('\0')) throw new InvalidArgumentError(argument, 'has a NUL character');
  return value;
}

export function checkNonEmptyString(value: unknown, argument: string): string {
  const text = checkString(value, argument);
  if (text === '') throw new InvalidArgumentError(argument, 'must not be empty');
  return text;
}

/** Bytes: a Uint8Array (a Buffer is one). */
export function checkBytes(value: unknown, argument: string): Uint8Array {
  if (!(value instanceof Uint8Array)) {
    throw new InvalidArgumentError(argument, `expected a Uint8Array, got ${describe(value)}`);
  }
  return value;
}

/** A duration in milliseconds: a whole number from 1 to 2^31 - 1 (libmesos's int ms). */
export function checkTimeout(value: unknown, argument: string): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > 0x7fffffff) {
    throw new InvalidArgumentError(
      argument,
      `expected a positive whole number of milliseconds (at most 2^31 - 1), got ${describe(value)}`,
    );
  }
  return value;
}

/** undefined (no timeout) or a timeout. */
export function checkOptionalTimeout(value: unknown, argument: string): number | null {
  return value === undefined ? null : checkTimeout(value, argument);
}

/** A positive whole number up to max. */
export function checkPositiveInteger(value: unknown, argument: string, max: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > max) {
    throw new InvalidArgumentError(
      argument,
      `expected a whole number from 1 to ${max}, got ${describe(value)}`,
    );
  }
  return value;
}

/**
 * ZooKeeper servers, 'host:port[,host:port]...', as the ZooKeeper C client takes them.
 * Returns the host names. libmesos kills the process when the client cannot be created,
 * which it cannot when a host does not resolve: resolveServers() checks that before.
 */
export function checkServers(value: unknown, argument = 'servers'): string[] {
  const servers = checkNonEmptyString(value, argument);
  return servers.split(',').map((server) => {
    const match = /^([A-Za-z0-9._-]+):(\d{1,5})$/.exec(server);
    if (!match || Number(match[2]) < 1 || Number(match[2]) > 65535) {
      throw new InvalidArgumentError(
        argument,
        `'${server}' is not host:port (servers are 'host:port[,host:port]...', no zk:// and no path)`,
      );
    }
    return match[1];
  });
}

/** Rejects with an InvalidArgumentError naming `argument` when a host does not resolve. */
export async function resolveServers(hosts: string[], argument = 'servers'): Promise<void> {
  for (const host of hosts) {
    try {
      await dns.lookup(host);
    } catch (cause) {
      throw new InvalidArgumentError(
        argument,
        `host '${host}' does not resolve (libmesos would kill the process): ${(cause as Error).message}`,
        { cause },
      );
    }
  }
}

/** An absolute znode path: '/a/b', no trailing '/', no empty, '.' or '..' segment. */
export function checkZnode(value: unknown, argument = 'znode'): string {
  const znode = checkNonEmptyString(value, argument);
  const segments = znode.split('/');
  if (
    segments[0] !== '' ||
    segments.length < 2 ||
    segments.slice(1).some((s) => s === '' || s === '.' || s === '..')
  ) {
    throw new InvalidArgumentError(
      argument,
      `'${znode}' is not an absolute znode path such as '/mesos/state' (no trailing '/', no empty, '.' or '..' part)`,
    );
  }
  return znode;
}

/** A name that is one ZooKeeper path element: not empty, '.' or '..', no '/'. */
export function checkZnodeName(value: unknown, argument: string): string {
  const name = checkNonEmptyString(value, argument);
  if (name.includes('/') || name === '.' || name === '..') {
    throw new InvalidArgumentError(
      argument,
      `'${name}' cannot be a znode name (no '/', not '.' or '..')`,
    );
  }
  return name;
}

/** ZooKeeper digest authentication, as Java's (scheme, credentials) arguments. */
export interface ZooKeeperAuthentication {
  /** The scheme: only 'digest'. */
  scheme: string;
  /** 'user:password', as bytes. */
  credentials: Uint8Array;
}

/**
 * Both undefined (no authentication) or scheme 'digest' with 'user:password' credentials.
 * Other schemes are refused: when ZooKeeper fails a session's authentication libmesos
 * CHECK-fails (kills the process); a digest is accepted by every ZooKeeper.
 */
export function checkAuthentication(
  scheme: unknown,
  credentials: unknown,
): ZooKeeperAuthentication | null {
  if (scheme === undefined && credentials === undefined) return null;
  if (scheme !== 'digest') {
    throw new InvalidArgumentError('scheme', `expected 'digest', got ${describe(scheme)}`);
  }
  const bytes =
    typeof credentials === 'string'
      ? new TextEncoder().encode(checkString(credentials, 'credentials'))
      : checkBytes(credentials, 'credentials');
  if (!new TextDecoder().decode(bytes).includes(':')) {
    throw new InvalidArgumentError('credentials', "expected 'user:password'");
  }
  return { scheme, credentials: bytes };
}

export function describe(value: unknown): string {
  if (typeof value === 'string') return `'${value}'`;
  if (typeof value === 'bigint') return `${value}n`;
  if (value === null || typeof value !== 'object') return String(value);
  if (Array.isArray(value)) return 'an array';
  const name: unknown = value.constructor?.name;
  if (typeof name !== 'string' || name === '' || name === 'Object') return 'an object';
  return /^[AEIO]/.test(name) ? `an ${name}` : `a ${name}`;
}
