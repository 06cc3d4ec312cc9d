import type { NativeDispatch } from '../../src/native/binding';

/**
 * A stand-in for the native ZooKeeper election: records calls; the test plays libmesos's
 * part, firing the events its group, contender and detector would (see elect()).
 */
export class StandInElection {
  /** The latest one made (a test may clear it). */
  static last: StandInElection | undefined;
  readonly calls: [string, ...unknown[]][] = [];
  closed = false;
  constructor(
    readonly dispatch: NativeDispatch,
    readonly url: string,
    readonly sessionTimeoutMs: number,
  ) {
    StandInElection.last = this;
  }
  contend(generation: number, data: string) {
    this.calls.push(['contend', generation, data]);
  }
  withdraw(generation: number) {
    this.calls.push(['withdraw', generation]);
    queueMicrotask(() => this.dispatch('withdrawn', generation, 1, ''));
  }
  check(request: number) {
    this.calls.push(['check', request]);
  }
  close(onDone: () => void) {
    this.closed = true;
    setImmediate(onDone);
  }
  /** The data of the latest candidacy. */
  get data(): string {
    return this.calls.filter((c) => c[0] === 'contend').at(-1)![2] as string;
  }
  get generation(): number {
    return this.calls.filter((c) => c[0] === 'contend').at(-1)![1] as number;
  }
  get lastCheck(): number {
    return this.calls.filter((c) => c[0] === 'check').at(-1)![1] as number;
  }
  /** Joined, led and confirmed: the candidacy becomes the leadership. */
  elect(): void {
    this.dispatch('contended', this.generation);
    this.dispatch('leader', 1, this.data);
    this.dispatch('checked', this.lastCheck, 1, this.data);
  }
}
