import { InvalidArgumentError } from '../errors';
import { Log } from '../log/log';
import { claimLog, nativeLog } from '../log/log';
import type { NativeBinding, NativeLog } from '../native/binding';
import { loadBinding } from '../native/load';
import { checkLogStateEntries } from './log-state-entries';
import { AbstractState } from './abstract-state';
import { checkPositiveInteger, checkServers, checkTimeout, checkZnode, describe } from './validate';

/**
 * A State in a replicated {@link Log} (libmesos's LogStorage): every change is appended to
 * the log, with a full snapshot of a variable every `diffsBetweenSnapshots` changes of it
 * (0: every time). It writes through a writer of its own, so no other writer may use the
 * log meanwhile: a Log.Writer over the same Log is refused (either way round), and so is a
 * log holding entries LogState did not write (libmesos would abort the process on them),
 * found by reading the local replica first. The refusal is an InvalidArgumentError naming
 * `log` that every operation rejects with.
 */
export class LogState extends AbstractState {
  /** The log written to. */
  readonly log: Log;

  /**
   * Over a Log of your own.
   * @param log The log to write to.
   * @param diffsBetweenSnapshots Diffs between snapshots; 0 by default.
   */
  constructor(log: Log, diffsBetweenSnapshots?: number);
  /**
   * As Java's LogState: over a new Log found through ZooKeeper.
   * @param servers ZooKeeper servers, 'host1:port1,host2:port2'.
   * @param timeout The ZooKeeper session timeout, in milliseconds.
   * @param znode The znode under which the log's replicas find each other.
   * @param quorum Replicas needed for a write.
   * @param path The local replica's directory.
   * @param diffsBetweenSnapshots Diffs between snapshots; 0 by default.
   */
  constructor(
    servers: string,
    timeout: number,
    znode: string,
    quorum: number,
    path: string,
    diffsBetweenSnapshots?: number,
  );
  constructor(first: Log | string, ...rest: unknown[]) {
    let log: Log;
    let diffs: unknown;
    if (typeof first === 'string') {
      const [timeout, znode, quorum, path] = rest;
      // In this constructor's order (Log checks quorum and path first).
      checkServers(first);
      checkTimeout(timeout, 'timeout');
      checkZnode(znode);
      log = new Log(quorum as number, path as string, first, timeout as number, znode as string);
      diffs = rest[4];
    } else if (first instanceof Log) {
      log = first;
      diffs = rest[0];
    } else {
      throw new InvalidArgumentError(
        'log',
        `expected a Log or ZooKeeper servers, got ${describe(first)}`,
      );
    }
    const checkedDiffs =
      diffs === undefined || diffs === 0
        ? 0
        : checkPositiveInteger(diffs, 'diffsBetweenSnapshots', 0xffffffff);
    const binding = loadBinding();
    const found = nativeLog(log, 'log');
    claimLog(log, log, 'state');
    super(
      found.then(async (native) => {
        await checkEntries(binding, native);
        return new binding.State('log', native, checkedDiffs);
      }),
    );
    this.log = log;
  }
}

// Reads what the local replica holds, for checkLogStateEntries(): libmesos's LogStorage
// aborts the process on entries it cannot apply.
async function checkEntries(binding: NativeBinding, native: NativeLog): Promise<void> {
  const reader = new binding.LogReader(native);
  const beginning = await reader.beginning(null);
  const ending = await reader.ending(null);
  if (ending >= beginning) checkLogStateEntries(await reader.read(beginning, ending, null));
}
