/**
 * The join() callbacks of a simulated driver: called on a later turn with the status it ended
 * with, as libmesos's join() returns on its own thread.
 */
export class Joiners {
  private waiting: ((status: number) => void)[] = [];

  /** Calls back once the driver ends, or soon with `status` when it is not running. */
  join(running: boolean, status: number, onDone: (status: number) => void): void {
    if (running) this.waiting.push(onDone);
    else setImmediate(() => onDone(status));
  }

  /** The driver ended with `status`: releases every waiting join. */
  release(status: number): void {
    const waiting = this.waiting;
    this.waiting = [];
    for (const onDone of waiting) setImmediate(() => onDone(status));
  }
}
