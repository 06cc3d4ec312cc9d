import * as fs from 'fs';
import * as path from 'path';
import { InvalidArgumentError, unresolvedServerError, zookeeperLimitError } from '../errors';
import type { NativeLog } from '../native/binding';
import { loadBinding } from '../native/load';
import {
  checkAuthentication,
  checkNonEmptyString,
  checkPositiveInteger,
  checkServers,
  checkTimeout,
  checkZnode,
  describe,
  resolveServers,
} from '../state/validate';
import { databasePath } from '../state/database-path';
import { LEVELDB_STATE_MARKER } from '../state/leveldb-state';
import { Position } from './position';

/** Options beyond Java's constructor arguments. */
export interface LogOptions {
  /**
   * Let the replicas initialize the log themselves when every one of them is empty
   * (libmesos's autoInitialize). Without it a new replica must first be initialized with
   * `mesos-log initialize --path=<path>`, as Java's binding requires. Default false.
   */
  autoInitialize?: boolean;
}

const natives = new WeakMap<Log, Promise<NativeLog>>();

/**
 * A replicated, append-only log (Java's `org.apache.mesos.Log`, over libmesos's
 * mesos::log::Log): a local replica stored at `path`, and a network of the other
 * replicas, given as their libprocess PIDs or found through ZooKeeper. A write needs a
 * `quorum` of replicas. Read it with a {@link LogReader} (`new Log.Reader(log)`), write it
 * with a {@link LogWriter} (`new Log.Writer(log, timeout, retries)`).
 *
 * libmesos exits the process when the replica's storage cannot be recovered; the
 * constructor refuses a path whose directory does not exist or that another Log holds,
 * however it is spelled (symbolic links are resolved).
 */
export class Log {
  /** @see LogReader */
  static Reader: typeof import('./reader').LogReader;
  /** @see LogWriter */
  static Writer: typeof import('./writer').LogWriter;
  /** @see Position */
  static Position = Position;

  /**
   * @param quorum Replicas needed for a write.
   * @param path The local replica's directory (a LevelDB database), created if missing.
   * @param pids The other replicas, as libprocess PIDs 'log-replica(1)@127.0.0.1:5050'.
   */
  constructor(quorum: number, path: string, pids: Iterable<string>, options?: LogOptions);
  /**
   * @param quorum Replicas needed for a write.
   * @param path The local replica's directory (a LevelDB database), created if missing.
   * @param servers ZooKeeper servers, 'host1:port1,host2:port2'.
   * @param timeout The ZooKeeper session timeout, in milliseconds.
   * @param znode The znode under which the replicas find each other.
   * @param scheme 'digest' for ZooKeeper authentication (with credentials 'user:password').
   */
  constructor(
    quorum: number,
    path: string,
    servers: string,
    timeout: number,
    znode: string,
    scheme?: 'digest' | LogOptions,
    credentials?: Uint8Array | string,
    options?: LogOptions,
  );
  constructor(quorum: number, replicaPath: string, ...rest: unknown[]) {
    const checkedQuorum = checkPositiveInteger(quorum, 'quorum', 0x7fffffff);
    const checkedPath = checkReplicaPath(replicaPath);
    const binding = loadBinding();
    let native: Promise<NativeLog>;
    if (typeof rest[0] === 'string' && rest.length === 1) {
      throw new InvalidArgumentError(
        'pids',
        `expected the replicas' PIDs (an array of 'log-replica(N)@ip:port'), got '${rest[0]}'; a Log found through ZooKeeper takes servers, timeout and znode`,
      );
    }
    if (typeof rest[0] === 'string') {
      const [servers, timeout, znode, scheme, credentials, options] = rest;
      const hosts = checkServers(servers);
      const timeoutMs = checkTimeout(timeout, 'timeout');
      const checkedZnode = checkZnode(znode);
      const withAuth = typeof scheme === 'string' || credentials !== undefined;
      const auth = withAuth ? checkAuthentication(scheme, credentials) : null;
      const autoInitialize = checkOptions(withAuth ? options : scheme);
      native = resolveServers(hosts)
        .then(() =>
          binding.probeLogZnode?.(
            servers as string,
            timeoutMs,
            checkedZnode,
            auth?.scheme ?? null,
            auth?.credentials ?? null,
          ),
        )
        .then((problem) => {
          if (problem) throw new InvalidArgumentError('znode', problem);
          return construct(
            () =>
              new binding.Log(
                checkedQuorum,
                checkedPath,
                null,
                servers as string,
                timeoutMs,
                checkedZnode,
                auth?.scheme ?? null,
                auth?.credentials ?? null,
                autoInitialize,
              ),
          );
        })
        .catch((error: unknown) => {
          throw unresolvedServerError(error, 'servers');
        });
    } else {
      const pids = checkPids(rest[0]);
      const autoInitialize = checkOptions(rest[1]);
      native = Promise.resolve(
        construct(
          () =>
            new binding.Log(
              checkedQuorum,
              checkedPath,
              pids,
              null,
              null,
              null,
              null,
              null,
              autoInitialize,
            ),
        ),
      );
    }
    native.catch(() => undefined);
    natives.set(this, native);
  }

  /** The position of bytes from Position.identity() (Java's `position(identity)`). */
  position(identity: Uint8Array): Position {
    return Position.fromIdentity(identity);
  }
}

// The writers and LogStates made over each Log: a LogState aborts the process on entries
// another writer appended, so a Log has either.
const users = new WeakMap<Log, { writers: WeakRef<object>[]; states: number }>();

/**
 * @internal Records a writer or a LogState over log; an InvalidArgumentError naming `log`
 * when the log has a (live) one of the other kind.
 */
export function claimLog(log: Log, user: object, kind: 'writer' | 'state'): void {
  const found = users.get(log) ?? { writers: [], states: 0 };
  users.set(log, found);
  found.writers = found.writers.filter((writer) => writer.deref() !== undefined);
  if (kind === 'writer') {
    if (found.states > 0) {
      throw new InvalidArgumentError(
        'log',
        'a LogState writes this log: a Log.Writer of its own would append entries the LogState cannot apply (libmesos aborts the process)',
      );
    }
    found.writers.push(new WeakRef(user));
  } else {
    if (found.writers.length > 0) {
      throw new InvalidArgumentError(
        'log',
        'a Log.Writer writes this log: a LogState cannot apply its entries (libmesos aborts the process)',
      );
    }
    found.states++;
  }
}

/** @internal The native Log of a Log; an InvalidArgumentError naming argument otherwise. */
export function nativeLog(value: unknown, argument: string): Promise<NativeLog> {
  const found = value instanceof Log ? natives.get(value) : undefined;
  if (!found) throw new InvalidArgumentError(argument, `expected a Log, got ${describe(value)}`);
  return found;
}

function construct(make: () => NativeLog): NativeLog {
  try {
    return make();
  } catch (error) {
    // The addon refuses a replica path in use, by this process or another one.
    const message = (error as Error).message;
    if (message.startsWith('path: ')) {
      throw new InvalidArgumentError('path', message.slice('path: '.length));
    }
    throw zookeeperLimitError(error);
  }
}

function checkReplicaPath(value: unknown): string {
  const replicaPath = databasePath(checkNonEmptyString(value, 'path'), 'path');
  const parent = path.dirname(replicaPath);
  if (!fs.statSync(parent, { throwIfNoEntry: false })?.isDirectory()) {
    throw new InvalidArgumentError('path', `the directory ${parent} does not exist`);
  }
  const stat = fs.statSync(replicaPath, { throwIfNoEntry: false });
  if (stat && !stat.isDirectory()) {
    throw new InvalidArgumentError('path', `${replicaPath} exists and is not a directory`);
  }
  // libmesos exits the process when the replica's database cannot be opened or read.
  if (stat && fs.existsSync(path.join(replicaPath, LEVELDB_STATE_MARKER))) {
    throw new InvalidArgumentError('path', `${replicaPath} is a LevelDBState's database`);
  }
  checkWritable(stat ? replicaPath : parent);
  return replicaPath;
}

// Creates and removes a file in directory: the only sure test (permissions, read-only
// mounts, root).
function checkWritable(directory: string): void {
  const probe = path.join(directory, `.mesos-napi-probe-${process.pid}-${Date.now()}`);
  try {
    fs.closeSync(fs.openSync(probe, 'wx'));
    fs.unlinkSync(probe);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    throw new InvalidArgumentError('path', `${directory} cannot be written (${code})`);
  }
}

const PID = /^[^@\s]+@(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3}):(\d{1,5})$/;

function checkPids(value: unknown): string[] {
  if (typeof value !== 'object' || value === null || !(Symbol.iterator in value)) {
    throw new InvalidArgumentError('pids', `expected an iterable of PIDs, got ${describe(value)}`);
  }
  return [...(value as Iterable<unknown>)].map((pid, i) => {
    const match = typeof pid === 'string' ? PID.exec(pid) : null;
    const numbers = match ? match.slice(1).map(Number) : [];
    if (
      !match ||
      numbers.slice(0, 4).some((n) => n > 255) ||
      numbers[4] < 1 ||
      numbers[4] > 65535
    ) {
      throw new InvalidArgumentError(
        `pids[${i}]`,
        `expected a libprocess PID such as 'log-replica(1)@127.0.0.1:5050' (an IPv4 address), got ${describe(pid)}`,
      );
    }
    return pid as string;
  });
}

function checkOptions(value: unknown): boolean {
  if (value === undefined) return false;
  if (typeof value !== 'object' || value === null) {
    throw new InvalidArgumentError('options', `expected an object, got ${describe(value)}`);
  }
  const { autoInitialize } = value as LogOptions;
  if (autoInitialize !== undefined && typeof autoInitialize !== 'boolean') {
    throw new InvalidArgumentError('options.autoInitialize', 'expected a boolean');
  }
  return autoInitialize ?? false;
}
