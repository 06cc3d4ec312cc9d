import { loadBinding } from '../native/load';
import type { NativeLogReader } from '../native/binding';
import { operationError } from '../native/failure';
import { checkOptionalTimeout, checkTimeout } from '../state/validate';
import { nativeLog, type Log } from './log';
import { checkPosition, Entry, Position } from './position';

/**
 * Reads a {@link Log} (Java's `Log.Reader`), from the local replica's point of view. Safe
 * to use concurrently and for the life of the log whatever its calls throw. Operations that
 * fail reject with an OperationFailedError; a timeout discards the operation and rejects
 * with an OperationTimeoutError.
 */
export class LogReader {
  private readonly native: Promise<NativeLogReader>;

  /** @param log The log to read. */
  constructor(log: Log) {
    const binding = loadBinding();
    this.native = nativeLog(log, 'log').then((native) => new binding.LogReader(native));
    this.native.catch(() => undefined);
  }

  /**
   * The entries from `from` to `to`, both included (positions of truncations and other
   * non-appends are skipped). Fails when a position is invalid (truncated, past the end,
   * `to` before `from`), or in other cases (e.g. a disk failure) that Mesos does not tell
   * apart.
   * @param timeout Milliseconds to wait.
   */
  async read(from: Position, to: Position, timeout: number): Promise<Entry[]> {
    const start = checkPosition(from, 'from').value;
    const end = checkPosition(to, 'to').value;
    const ms = checkTimeout(timeout, 'timeout');
    return this.run('read', async (reader) =>
      (await reader.read(start, end, ms)).map(
        (entry) =>
          new Entry(
            new Position(entry.position),
            new Uint8Array(entry.data.buffer, entry.data.byteOffset, entry.data.byteLength),
          ),
      ),
    );
  }

  /**
   * The first position of the log (may be out of date with respect to other replicas).
   * @param timeout Milliseconds to wait; none by default, as in Java.
   */
  async beginning(timeout?: number): Promise<Position> {
    const ms = checkOptionalTimeout(timeout, 'timeout');
    return this.run('beginning', async (reader) => new Position(await reader.beginning(ms)));
  }

  /**
   * The last position of the log (may be out of date with respect to other replicas).
   * @param timeout Milliseconds to wait; none by default, as in Java.
   */
  async ending(timeout?: number): Promise<Position> {
    const ms = checkOptionalTimeout(timeout, 'timeout');
    return this.run('ending', async (reader) => new Position(await reader.ending(ms)));
  }

  /**
   * Catches the local replica up with the others; resolves with the end of the caught-up
   * range.
   * @param timeout Milliseconds to wait.
   */
  async catchup(timeout: number): Promise<Position> {
    const ms = checkTimeout(timeout, 'timeout');
    return this.run('catchup', async (reader) => new Position(await reader.catchup(ms)));
  }

  private async run<T>(
    operation: string,
    call: (reader: NativeLogReader) => Promise<T>,
  ): Promise<T> {
    const reader = await this.native;
    try {
      return await call(reader);
    } catch (error) {
      throw operationError(`Log.Reader.${operation}`, error);
    }
  }
}
