import { InvalidArgumentError, WriterFailedError } from '../errors';
import type { NativeLogWriter } from '../native/binding';
import { operationError } from '../native/failure';
import { loadBinding } from '../native/load';
import {
  checkBytes,
  checkOptionalTimeout,
  checkPositiveInteger,
  checkTimeout,
} from '../state/validate';
import { claimLog, nativeLog, type Log } from './log';
import { checkPosition, Position } from './position';

/**
 * Writes a {@link Log} (Java's `Log.Writer`). Only one writer, in any process, holds the
 * log's exclusive write promise at a time. The constructor starts getting it at once, as
 * Java's does (up to `retries` attempts of `timeout` each); append() and truncate() wait
 * for that. When an append or truncate fails, or the writer has lost the promise to
 * another writer, it rejects with a {@link WriterFailedError}, and so does every later
 * append and truncate until start() has got the promise again (Java throws such a writer
 * away; libmesos says it "must be restarted"). Calls run one at a time, in order.
 */
export class LogWriter {
  private readonly native: Promise<NativeLogWriter>;
  private queue: Promise<unknown>;
  private failed: string | undefined;
  // The log's ending position as this writer last learned it (start, append, truncate).
  private ending: bigint | undefined;

  /**
   * @param log The log to write.
   * @param timeout Milliseconds each attempt to get the write promise may take.
   * @param retries How many attempts to make.
   */
  constructor(log: Log, timeout: number, retries: number) {
    const ms = checkTimeout(timeout, 'timeout');
    const attempts = checkPositiveInteger(retries, 'retries', 0x7fffffff);
    const binding = loadBinding();
    const found = nativeLog(log, 'log');
    claimLog(log, this, 'writer');
    this.native = found.then((native) => new binding.LogWriter(native));
    this.native.catch(() => undefined);
    this.queue = this.elect(ms, attempts).catch(() => undefined);
  }

  /**
   * Tries (again) to get the exclusive write promise: resolves with the log's ending
   * position, or null when it could not be got this time (retry later). Success makes a
   * failed writer usable again.
   * @param timeout Milliseconds to wait; none by default.
   */
  async start(timeout?: number): Promise<Position | null> {
    const ms = checkOptionalTimeout(timeout, 'timeout');
    return this.enqueue(() => this.startNow(ms));
  }

  /**
   * Appends data; resolves with the new ending position (the entry's).
   * @param timeout Milliseconds to wait.
   */
  async append(data: Uint8Array, timeout: number): Promise<Position> {
    const bytes = checkBytes(data, 'data');
    const ms = checkTimeout(timeout, 'timeout');
    return this.enqueue(() => this.write('append', (writer) => writer.append(bytes, ms)));
  }

  /**
   * Truncates the log before `to` (excluded); resolves with the new ending position.
   * Rejects with an InvalidArgumentError naming `to` when `to` is past the log's ending
   * position as this writer knows it (libmesos would accept it, truncate position by
   * position without bound, and leave the log's beginning past its end: every entry
   * lost). Fails with a WriterFailedError for other invalid positions too (Mesos does not
   * tell them apart).
   * @param timeout Milliseconds to wait.
   */
  async truncate(to: Position, timeout: number): Promise<Position> {
    const position = checkPosition(to, 'to').value;
    const ms = checkTimeout(timeout, 'timeout');
    return this.enqueue(async () => {
      if (this.failed === undefined && this.ending !== undefined && position > this.ending) {
        throw new InvalidArgumentError(
          'to',
          `position ${position} is past the log's ending position ${this.ending}`,
        );
      }
      return this.write('truncate', (writer) => writer.truncate(position, ms));
    });
  }

  private async elect(timeout: number, attempts: number): Promise<void> {
    for (let i = 0; i < attempts; i++) {
      try {
        if ((await this.startNow(timeout)) !== null) return;
      } catch {
        // Timed out or failed: try again, as Java's constructor does.
      }
    }
  }

  private async startNow(timeout: number | null): Promise<Position | null> {
    const writer = await this.native;
    let position: bigint | null;
    try {
      position = await writer.start(timeout);
    } catch (error) {
      throw operationError('Log.Writer.start', error);
    }
    if (position === null) return null;
    this.failed = undefined;
    this.ending = position;
    return new Position(position);
  }

  private async write(
    operation: string,
    call: (writer: NativeLogWriter) => Promise<bigint | null>,
  ): Promise<Position> {
    if (this.failed !== undefined) {
      throw new WriterFailedError(
        `Log.Writer.${operation}: the writer failed (${this.failed}); start() it again first`,
      );
    }
    const writer = await this.native;
    let position: bigint | null;
    try {
      position = await call(writer);
    } catch (error) {
      const failure = operationError(`Log.Writer.${operation}`, error, WriterFailedError);
      if (failure instanceof WriterFailedError) this.failed = failure.message;
      throw failure;
    }
    if (position === null) {
      this.failed = 'it does not hold the exclusive write promise';
      throw new WriterFailedError(
        `Log.Writer.${operation}: exclusive write promise lost; start() it again first`,
      );
    }
    this.ending = position;
    return new Position(position);
  }

  private enqueue<T>(call: () => Promise<T>): Promise<T> {
    const result = this.queue.then(call);
    this.queue = result.catch(() => undefined);
    return result;
  }
}
