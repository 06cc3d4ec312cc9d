import type {
  NativeBinding,
  NativeDispatch,
  NativeExecutorDriver,
  NativeSchedulerDriver,
} from '../../src/native/binding';

/** One recorded native call: method name and its arguments (bytes as given). */
export interface RecordedCall {
  method: string;
  args: unknown[];
}

/** A stand-in native driver: records calls, keeps a libmesos-like status, fires events. */
export class StandInDriver {
  readonly calls: RecordedCall[] = [];
  status = 1;
  destroyed = false;
  private joiners: ((status: number) => void)[] = [];

  constructor(
    readonly dispatch: NativeDispatch,
    readonly constructorArgs: unknown[],
  ) {}

  record(method: string, args: unknown[], result?: number): number {
    if (this.destroyed) throw new Error(`${method} called after destroy`);
    this.calls.push({ method, args });
    return result ?? this.status;
  }

  /** Fires an event as the addon would and returns what dispatch returned (awaited). */
  async fire(event: string, ...args: unknown[]): Promise<unknown> {
    const result = this.dispatch(event, ...args);
    return result instanceof Promise ? await result : result;
  }

  private settle(): void {
    const joiners = this.joiners;
    this.joiners = [];
    for (const j of joiners) setImmediate(() => j(this.status));
  }

  start(): number {
    if (this.status !== 1) return this.record('start', [], this.status);
    this.status = 2;
    return this.record('start', []);
  }
  stopWith(method: string, args: unknown[]): number {
    if (this.status !== 2 && this.status !== 3) return this.record(method, args);
    const aborted = this.status === 3;
    this.status = 4;
    this.record(method, args);
    this.settle();
    return aborted ? 3 : 4;
  }
  abort(): number {
    if (this.status !== 2) return this.record('abort', []);
    this.status = 3;
    this.record('abort', []);
    this.settle();
    return 3;
  }
  join(onDone: (status: number) => void): void {
    this.calls.push({ method: 'join', args: [] });
    const status = this.status;
    if (status !== 2) setImmediate(() => onDone(status));
    else this.joiners.push(onDone);
  }
  destroy(onDone: () => void): void {
    this.calls.push({ method: 'destroy', args: [] });
    this.destroyed = true;
    setImmediate(onDone);
  }
}

export class StandInSchedulerDriver extends StandInDriver implements NativeSchedulerDriver {
  stop(failover: boolean): number {
    return this.stopWith('stop', [failover]);
  }
  requestResources(...a: unknown[]): number {
    return this.record('requestResources', a);
  }
  launchTasks(...a: unknown[]): number {
    return this.record('launchTasks', a);
  }
  killTask(...a: unknown[]): number {
    return this.record('killTask', a);
  }
  acceptOffers(...a: unknown[]): number {
    return this.record('acceptOffers', a);
  }
  declineOffer(...a: unknown[]): number {
    return this.record('declineOffer', a);
  }
  reviveOffers(...a: unknown[]): number {
    return this.record('reviveOffers', a);
  }
  suppressOffers(...a: unknown[]): number {
    return this.record('suppressOffers', a);
  }
  acknowledgeStatusUpdate(...a: unknown[]): number {
    return this.record('acknowledgeStatusUpdate', a);
  }
  sendFrameworkMessage(...a: unknown[]): number {
    return this.record('sendFrameworkMessage', a);
  }
  reconcileTasks(...a: unknown[]): number {
    return this.record('reconcileTasks', a);
  }
  updateFramework(...a: unknown[]): number {
    return this.record('updateFramework', a);
  }
}

export class StandInExecutorDriver extends StandInDriver implements NativeExecutorDriver {
  stop(): number {
    return this.stopWith('stop', []);
  }
  sendStatusUpdate(...a: unknown[]): number {
    return this.record('sendStatusUpdate', a);
  }
  sendFrameworkMessage(...a: unknown[]): number {
    return this.record('sendFrameworkMessage', a);
  }
}

/** A v1 library (either) that records its calls; dispatch() delivers events by hand. */
export class StandInV1Library {
  readonly calls: { method: string; args: unknown[] }[] = [];
  closed = false;
  constructor(
    readonly dispatch: NativeDispatch,
    readonly args: unknown[],
  ) {}
  send(call: Uint8Array): void {
    this.calls.push({ method: 'send', args: [call] });
  }
  call(call: Uint8Array, onDone: (failure: string | null, result: Uint8Array | null) => void) {
    this.calls.push({ method: 'call', args: [call, onDone] });
  }
  reconnect(): void {
    this.calls.push({ method: 'reconnect', args: [] });
  }
  close(onDone: () => void): void {
    this.closed = true;
    queueMicrotask(onDone);
  }
}

/** A binding whose constructors record every driver they create. */
export function standInBinding(): NativeBinding & {
  schedulers: StandInSchedulerDriver[];
  executors: StandInExecutorDriver[];
  v1: StandInV1Library[];
} {
  const schedulers: StandInSchedulerDriver[] = [];
  const executors: StandInExecutorDriver[] = [];
  const v1: StandInV1Library[] = [];
  const makeV1 = function (dispatch: NativeDispatch, ...rest: unknown[]) {
    const library = new StandInV1Library(dispatch, rest);
    v1.push(library);
    return library;
  };
  return {
    schedulers,
    executors,
    v1,
    V1SchedulerMesos: makeV1 as unknown as NativeBinding['V1SchedulerMesos'],
    V1ExecutorMesos: makeV1 as unknown as NativeBinding['V1ExecutorMesos'],
    SchedulerDriver: function (dispatch: NativeDispatch, ...rest: unknown[]) {
      const d = new StandInSchedulerDriver(dispatch, rest);
      schedulers.push(d);
      return d;
    } as unknown as NativeBinding['SchedulerDriver'],
    ExecutorDriver: function (dispatch: NativeDispatch, ...rest: unknown[]) {
      const d = new StandInExecutorDriver(dispatch, rest);
      executors.push(d);
      return d;
    } as unknown as NativeBinding['ExecutorDriver'],
    processEnvironment: () =>
      Object.fromEntries(
        Object.entries(process.env).filter((entry): entry is [string, string] => !!entry[1]),
      ),
    teardownDrivers: () => undefined,
    State: notInStandIn('State'),
    Log: notInStandIn('Log'),
    LogReader: notInStandIn('LogReader'),
    LogWriter: notInStandIn('LogWriter'),
    mesosVersion: 'stand-in',
    mesosVersionNumbers: [0, 0, 0],
    protobufVersion: '0',
  };
}

/** State and Log run only on the real addon (test/cluster/state, test/cluster/log). */
function notInStandIn<T>(name: string): T {
  return function () {
    throw new Error(`${name} is not part of the stand-in binding`);
  } as unknown as T;
}
