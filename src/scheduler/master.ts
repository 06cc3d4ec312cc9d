import { InvalidArgumentError } from '../errors';

const HOST_PORT = /^(?:master@)?(?:\[[0-9a-fA-F:.]+\]|[A-Za-z0-9._-]+):\d{1,5}$/;
const ZK = /^zk:\/\/(?:[^@/\s]+@)?[^/@\s]+(?:,[^/@\s]+)*\/\S*$/;

/**
 * Checks a master string in a form libmesos accepts: host:port, master@host:port,
 * zk://[user:pass@]host1:port1,host2:port2/path, file:///path, or `local`.
 * Returns it unchanged; throws InvalidArgumentError otherwise.
 */
export function validateMaster(master: unknown, where = 'options.master'): string {
  if (typeof master !== 'string') {
    throw new InvalidArgumentError(where, `expected a master string, got ${typeof master}`);
  }
  if (master === 'local') return master;
  if (master.startsWith('file://')) {
    if (master.length > 'file://'.length && master.startsWith('file:///')) return master;
    throw new InvalidArgumentError(where, `'${master}' is not file:///absolute/path`);
  }
  if (master.startsWith('zk://')) {
    if (ZK.test(master)) return master;
    throw new InvalidArgumentError(
      where,
      `'${master}' is not zk://[user:pass@]host:port[,host:port...]/path`,
    );
  }
  if (HOST_PORT.test(master)) {
    const port = Number(master.slice(master.lastIndexOf(':') + 1));
    if (port > 0 && port < 65536) return master;
  }
  throw new InvalidArgumentError(
    where,
    `'${master}' is not a master libmesos understands: host:port, master@host:port, zk://[user:pass@]hosts/path, file:///path or local`,
  );
}
