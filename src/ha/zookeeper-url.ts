import { lookup } from 'dns/promises';
import { InvalidArgumentError } from '../errors';

/** A zk:// URL taken apart: what libmesos's zookeeper::URL::parse makes of it. */
export interface ZooKeeperUrl {
  /** host:port of each server. */
  servers: { host: string; port: number }[];
  /** The group's znode, e.g. '/my-framework'. */
  path: string;
  /** user:password for ZooKeeper's digest authentication, when the URL has one. */
  credentials?: string;
}

const HOST = /^(?:\[[0-9a-fA-F:.]+\]|[A-Za-z0-9._-]+)$/;
const FORM = 'zk://[user:password@]host:port[,host:port...]/path';

/**
 * Checks a ZooKeeper URL for a leader election. libmesos would CHECK-fail on a path ending
 * in '/', and retry a server list it cannot parse for ten minutes before killing the
 * process, so both are refused here with the reason.
 */
export function parseZooKeeperUrl(url: unknown, where = 'options.zk'): ZooKeeperUrl {
  if (typeof url !== 'string') {
    throw new InvalidArgumentError(where, `expected a ${FORM} string, got ${typeof url}`);
  }
  if (!url.startsWith('zk://')) throw new InvalidArgumentError(where, `'${url}' is not ${FORM}`);
  const rest = url.slice('zk://'.length);
  const slash = rest.indexOf('/');
  if (slash < 0) throw new InvalidArgumentError(where, `'${url}' has no path (${FORM})`);
  const path = rest.slice(slash);
  const authority = rest.slice(0, slash);
  const at = authority.lastIndexOf('@');
  const credentials = at >= 0 ? authority.slice(0, at) : undefined;
  if (credentials !== undefined && !/^[^:\s]+:\S*$/.test(credentials)) {
    throw new InvalidArgumentError(where, `credentials '${credentials}' are not user:password`);
  }
  const servers = authority
    .slice(at + 1)
    .split(',')
    .map((server) => {
      const colon = server.lastIndexOf(':');
      const host = server.slice(0, colon);
      const port = Number(server.slice(colon + 1));
      if (colon < 0 || !HOST.test(host) || !/^\d{1,5}$/.test(server.slice(colon + 1))) {
        throw new InvalidArgumentError(where, `server '${server}' is not host:port (${FORM})`);
      }
      if (port < 1 || port > 65535) {
        throw new InvalidArgumentError(where, `server '${server}': port out of range`);
      }
      return { host, port };
    });
  const segments = path.split('/').slice(1);
  if (
    path === '/' ||
    segments.some((segment) => segment === '' || segment === '.' || segment === '..') ||
    /\s/.test(path)
  ) {
    throw new InvalidArgumentError(
      where,
      `path '${path}' is not a znode path such as /my-framework (no trailing '/', no empty, '.' or '..' parts, no spaces)`,
    );
  }
  return { servers, path, ...(credentials !== undefined ? { credentials } : {}) };
}

/**
 * Resolves every server's host: libmesos's ZooKeeper client retries a name that does not
 * resolve for ten minutes and then kills the process.
 */
export async function checkServersResolve(url: ZooKeeperUrl, where = 'options.zk'): Promise<void> {
  await Promise.all(
    url.servers.map(async ({ host }) => {
      const name = host.startsWith('[') ? host.slice(1, -1) : host;
      try {
        await lookup(name);
      } catch (cause) {
        throw new InvalidArgumentError(where, `ZooKeeper server '${host}' does not resolve`, {
          cause,
        });
      }
    }),
  );
}
