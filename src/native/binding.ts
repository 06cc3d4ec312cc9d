/**
 * The raw surface of the compiled addon (build/Release/mesos_napi.node).
 * Protobufs cross as serialized bytes in both directions; the idiomatic classes
 * in src/ encode and decode them.
 *
 * Statuses are libmesos's mesos::Status values: 1 DRIVER_NOT_STARTED,
 * 2 DRIVER_RUNNING, 3 DRIVER_ABORTED, 4 DRIVER_STOPPED.
 */

import type { NativeLogRecord } from '../logging/record';

/**
 * Called on the JS thread for every libmesos callback, in the order libmesos made them,
 * one at a time. For the two callbacks whose return libmesos acts on (a scheduler's
 * statusUpdate that libmesos will acknowledge implicitly, an executor's shutdown), the
 * libmesos thread waits until the returned value (if it is a thenable) has settled, or
 * until this returns when it is not; it stops waiting once the driver's stop() or abort()
 * has returned. For every other callback it goes on at once. Must not throw.
 *
 * The native driver holds this function weakly until start(): the caller keeps it alive.
 */
export type NativeDispatch = (event: string, ...args: unknown[]) => unknown;

/** Scheduler events and their arguments, as the addon passes them to NativeDispatch. */
export interface NativeSchedulerEvents {
  registered: [frameworkId: Uint8Array, masterInfo: Uint8Array];
  reregistered: [masterInfo: Uint8Array];
  disconnected: [];
  resourceOffers: [offers: Uint8Array[]];
  offerRescinded: [offerId: Uint8Array];
  statusUpdate: [status: Uint8Array];
  frameworkMessage: [executorId: Uint8Array, slaveId: Uint8Array, data: Uint8Array];
  slaveLost: [slaveId: Uint8Array];
  executorLost: [executorId: Uint8Array, slaveId: Uint8Array, status: number];
  error: [message: string];
}

/** Executor events and their arguments. */
export interface NativeExecutorEvents {
  registered: [executorInfo: Uint8Array, frameworkInfo: Uint8Array, slaveInfo: Uint8Array];
  reregistered: [slaveInfo: Uint8Array];
  disconnected: [];
  launchTask: [task: Uint8Array];
  killTask: [taskId: Uint8Array];
  frameworkMessage: [data: Uint8Array];
  shutdown: [];
  error: [message: string];
}

/** Common lifecycle of both native drivers. */
export interface NativeDriverLifecycle {
  start(): number;
  abort(): number;
  /** Waits for libmesos's join() on a thread of its own; calls back on the JS thread. */
  join(onDone: (status: number) => void): void;
  /**
   * Aborts the driver if it still runs, waits for its threads and deletes the libmesos
   * driver, all off the JS thread; then releases the thread-safe function (the driver no
   * longer keeps the process alive) and calls back. No other call is valid afterwards.
   */
  destroy(onDone: () => void): void;
  /** What the bridge counted (absent from stand-in drivers). */
  bridgeStats?(): NativeBridgeStats | undefined;
}

export interface NativeSchedulerDriver extends NativeDriverLifecycle {
  stop(failover: boolean): number;
  requestResources(requests: Uint8Array[]): number;
  launchTasks(offerIds: Uint8Array[], tasks: Uint8Array[], filters: Uint8Array | null): number;
  killTask(taskId: Uint8Array): number;
  acceptOffers(
    offerIds: Uint8Array[],
    operations: Uint8Array[],
    filters: Uint8Array | null,
  ): number;
  declineOffer(offerId: Uint8Array, filters: Uint8Array | null): number;
  reviveOffers(roles: string[] | null): number;
  suppressOffers(roles: string[] | null): number;
  acknowledgeStatusUpdate(status: Uint8Array): number;
  sendFrameworkMessage(executorId: Uint8Array, slaveId: Uint8Array, data: Uint8Array): number;
  reconcileTasks(statuses: Uint8Array[]): number;
  updateFramework(
    frameworkInfo: Uint8Array,
    suppressedRoles: string[],
    offerConstraints: Uint8Array | null,
  ): number;
}

export interface NativeExecutorDriver extends NativeDriverLifecycle {
  stop(): number;
  sendStatusUpdate(status: Uint8Array): number;
  sendFrameworkMessage(data: Uint8Array): number;
}

export interface NativeSchedulerDriverConstructor {
  new (
    dispatch: NativeDispatch,
    frameworkInfo: Uint8Array,
    master: string,
    implicitAcknowledgements: boolean,
    credential: Uint8Array | null,
    suppressedRoles: string[] | null,
    /**
     * Variables set in the process's real environment while libmesos constructs and starts
     * the driver (it reads MESOS_* variables there then), and restored afterwards;
     * process.env is only a copy in worker threads and test sandboxes.
     */
    environment: Record<string, string> | null,
    /** A master=local work directory to remove once libmesos's driver has been deleted. */
    localWorkDir: string | null,
  ): NativeSchedulerDriver;
}

export interface NativeExecutorDriverConstructor {
  /** environment null: libmesos reads the process environment. */
  new (dispatch: NativeDispatch, environment: Record<string, string> | null): NativeExecutorDriver;
}

/**
 * Events of a ZooKeeperElection (native/ha/election_process.h), passed to NativeDispatch.
 * `generation` is the one given to contend(), `request` the one given to check().
 */
export interface NativeElectionEvents {
  /** The group's oldest member, the leader, changed; its data as it joined. */
  leader: [membershipId: number, data: string];
  /** The group has no member (every session gone, or this one expired). */
  noLeader: [];
  /** The group failed for good: no more leader events. */
  detectFailed: [message: string];
  contended: [generation: number];
  contendFailed: [generation: number, message: string];
  /** The membership was cancelled (message '': session expired, or withdrawn) or failed. */
  candidacyLost: [generation: number, message: string];
  /** result 1: withdrawn, 0: nothing to withdraw, -1: failed (message says why). */
  withdrawn: [generation: number, result: number, message: string];
  /**
   * What ZooKeeper holds now for the current leader's membership: result 1 with its
   * data, 0 (no leader, or the membership is gone), -1 with why the read failed.
   */
  checked: [request: number, result: number, dataOrMessage: string];
}

/**
 * Contends for leadership of one ZooKeeper group with libmesos's zookeeper::Group,
 * LeaderContender and LeaderDetector. Keeps the process alive from construction until
 * close() has called back.
 */
export interface NativeZooKeeperElection {
  /** A new candidacy (the previous one, if any, is cancelled) with this data and label. */
  contend(generation: number, data: string, label: string | null): void;
  withdraw(generation: number): void;
  /** Reads the current leader's membership from ZooKeeper (event `checked`). */
  check(request: number): void;
  /** Ends the session (its membership goes with it) off the JS thread, then calls back. */
  close(onDone: () => void): void;
}

export interface NativeZooKeeperElectionConstructor {
  new (dispatch: NativeDispatch, url: string, sessionTimeoutMs: number): NativeZooKeeperElection;
}

/**
 * How a native operation's promise was rejected: libmesos's future failed, was discarded,
 * timed out (and was then discarded), or was abandoned (libmesos will never complete it).
 */
export type NativeFailureKind = 'failed' | 'discarded' | 'timeout' | 'abandoned';

/** A mesos::state::Variable, made only by the addon. */
export interface NativeVariable {
  /** A copy of the value. */
  value(): Uint8Array;
  mutate(value: Uint8Array): NativeVariable;
}

/**
 * A mesos::state::State. Each method returns a promise settled on the JS thread once
 * libmesos's future completes; rejections are Errors with a `kind` (NativeFailureKind).
 * While any is pending the object keeps the process alive; otherwise it does not.
 */
export interface NativeState {
  fetch(name: string): Promise<NativeVariable>;
  /** null: the variable was stale (changed or expunged since it was fetched). */
  store(variable: NativeVariable): Promise<NativeVariable | null>;
  expunge(variable: NativeVariable): Promise<boolean>;
  names(): Promise<string[]>;
}

export interface NativeStateConstructor {
  new (kind: 'in-memory'): NativeState;
  new (kind: 'leveldb', path: string): NativeState;
  new (
    kind: 'zookeeper',
    servers: string,
    timeoutMs: number,
    znode: string,
    scheme: string | null,
    credentials: Uint8Array | null,
  ): NativeState;
  new (kind: 'log', log: NativeLog, diffsBetweenSnapshots: number): NativeState;
}

/** A mesos::log::Log (its local replica); used by readers, writers and LogStates. */
export type NativeLog = object;

export interface NativeLogConstructor {
  new (
    quorum: number,
    path: string,
    pids: string[] | null,
    servers: string | null,
    timeoutMs: number | null,
    znode: string | null,
    scheme: string | null,
    credentials: Uint8Array | null,
    autoInitialize: boolean,
  ): NativeLog;
}

/** A log entry as the addon passes it. */
export interface NativeLogEntry {
  position: bigint;
  data: Uint8Array;
}

/** A mesos::log::Log::Reader. Positions are their values; timeouts are ms or null. */
export interface NativeLogReader {
  read(from: bigint, to: bigint, timeoutMs: number | null): Promise<NativeLogEntry[]>;
  beginning(timeoutMs: number | null): Promise<bigint>;
  ending(timeoutMs: number | null): Promise<bigint>;
  catchup(timeoutMs: number | null): Promise<bigint>;
}

/** A mesos::log::Log::Writer; null: no (or no longer an) exclusive write promise. */
export interface NativeLogWriter {
  start(timeoutMs: number | null): Promise<bigint | null>;
  append(data: Uint8Array, timeoutMs: number | null): Promise<bigint | null>;
  truncate(to: bigint, timeoutMs: number | null): Promise<bigint | null>;
}

/** Events of both v1 libraries: `received` carries one serialized v1 Event. */
export interface NativeV1Events {
  connected: [];
  disconnected: [];
  received: [event: Uint8Array];
}

/**
 * Common to both v1 libraries, which run from construction: the object keeps the event
 * loop alive until close() has deleted libmesos's library (off the JS thread), released
 * the thread-safe function and called back. Calls after close() do nothing.
 */
export interface NativeV1Library {
  /** A serialized call; dropped without a word by libmesos when it is not connected. */
  send(call: Uint8Array): void;
  close(onDone: () => void): void;
  /** What the bridge counted (absent from stand-ins). */
  bridgeStats?(): NativeBridgeStats | undefined;
}

/** mesos::v1::scheduler::Mesos. */
export interface NativeV1SchedulerMesos extends NativeV1Library {
  /**
   * libmesos's call(): onDone gets a serialized mesos.v1.scheduler.APIResult, or the
   * failure's message (also when the object is closed before the answer).
   */
  call(call: Uint8Array, onDone: (failure: string | null, result: Uint8Array | null) => void): void;
  reconnect(): void;
}

export interface NativeV1SchedulerMesosConstructor {
  new (
    dispatch: NativeDispatch,
    /** host:port, zk://... or local (never file://: the caller reads the file). */
    master: string,
    /** A serialized mesos.v1.Credential (HTTP basic authentication). */
    credential: Uint8Array | null,
    /** Set in the real environment while libmesos constructs the library, then restored. */
    environment: Record<string, string> | null,
    /** A master=local work directory to remove once the library has been deleted. */
    localWorkDir: string | null,
  ): NativeV1SchedulerMesos;
}

export interface NativeV1ExecutorMesosConstructor {
  /** environment: what libmesos reads the agent's MESOS_* variables from. */
  new (dispatch: NativeDispatch, environment: Record<string, string>): NativeV1Library;
}

/** What the addon's bridge counted for one driver or library. */
export interface NativeBridgeStats {
  /** Events libmesos delivered that wait for the JS thread now, and the most at once. */
  queued: number;
  maxQueued: number;
  /** Events a libmesos thread waited for (an implicitly acknowledged update, shutdown). */
  waits: number;
  waitSeconds: number;
  maxWaitSeconds: number;
}

export interface NativeBinding {
  /**
   * glog's minimum severity (0 INFO .. 2 ERROR, 4 none but FATAL), VLOG's level, the log
   * directory (null: no files), and the receiver of the records (null: glog writes to
   * stderr). glog is the process's: the last call of any thread wins. Absent from
   * stand-in bindings.
   */
  configureLogging?(
    minSeverity: number,
    verbose: number,
    logDir: string | null,
    receiver: ((records: NativeLogRecord[], dropped: number) => void) | null,
    /** Only when nothing configured glog yet in this process. */
    ifFirst: boolean,
  ): void;
  /**
   * Whether the addon initialized glog (through libmesos's own logging::initialize) before
   * any driver: only then do setLogLevel() and the environment's level hold after a driver
   * was made. Absent from stand-in bindings.
   */
  glogInitializedByAddon?: boolean;
  /** Calls the receiver with the records queued now (when the process exits). */
  drainLogRecords?(): void;
  /**
   * Tests only: logs `count` records through glog from a thread of its own, and waits for
   * it (the JS thread is blocked meanwhile). Severity 3 (FATAL) ends the process.
   * @internal
   */
  logForTesting?(severity: number, count: number, message: string): void;
  SchedulerDriver: NativeSchedulerDriverConstructor;
  ExecutorDriver: NativeExecutorDriverConstructor;
  /** Absent from an addon built before leader election was added. */
  ZooKeeperElection?: NativeZooKeeperElectionConstructor;
  V1SchedulerMesos: NativeV1SchedulerMesosConstructor;
  V1ExecutorMesos: NativeV1ExecutorMesosConstructor;
  /** The process's real environment, which libmesos reads (process.env is a copy in workers). */
  processEnvironment(): Record<string, string>;
  /**
   * Aborts every live driver of this thread and waits for it: for process.exit(), which
   * exits without the cleanup that would do this.
   */
  teardownDrivers(): void;
  State: NativeStateConstructor;
  Log: NativeLogConstructor;
  LogReader: new (log: NativeLog) => NativeLogReader;
  LogWriter: new (log: NativeLog) => NativeLogWriter;
  /**
   * Logs of this process deleted so far, and how many of them on a JS thread (where none
   * should be: deleting one waits for libprocess). Absent from older addons.
   */
  logDeletions?(): { deleted: number; onJsThread: number };
  /**
   * Why a ZooKeeper Log must not use `znode` (a member whose data is not a libprocess PID,
   * on which libmesos aborts), or null. Absent from older addons.
   */
  probeLogZnode?(
    servers: string,
    timeoutMs: number,
    znode: string,
    scheme: string | null,
    credentials: Uint8Array | null,
  ): Promise<string | null>;
  /** The most ZooKeeper clients this process may hold at once. Absent from older addons. */
  zookeeperClientLimit?(): number;
  /** MESOS_VERSION of the headers the addon was compiled against. */
  mesosVersion: string;
  /** MESOS_MAJOR/MINOR/PATCH_VERSION_NUM of those headers. */
  mesosVersionNumbers: [major: number, minor: number, patch: number];
  /** GOOGLE_PROTOBUF_VERSION the addon was compiled against, e.g. "3021012". */
  protobufVersion: string;
}
