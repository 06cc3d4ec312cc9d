const BRAND = Symbol.for('mesos-napi.error');

/**
 * Every error this package throws on purpose is `instanceof MesosNapiError` and has a
 * stable `code` (Node's convention), whatever its class: InvalidArgumentError is also a
 * TypeError, as Node's own argument errors are.
 */
export class MesosNapiError extends Error {
  readonly code: string = 'MESOS_NAPI_ERROR';

  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
    brand(this);
  }

  static override [Symbol.hasInstance](value: unknown): boolean {
    if (this !== MesosNapiError) return Function.prototype[Symbol.hasInstance].call(this, value);
    return typeof value === 'object' && value !== null && BRAND in value;
  }
}

function brand(error: Error): void {
  Object.defineProperty(error, BRAND, { value: true });
}

/**
 * An argument (or a field in it) is wrong; thrown before anything reaches libmesos.
 * `argument` names it with its full path, e.g. 'tasks[0].resources[1].scalar.value'.
 */
export class InvalidArgumentError extends TypeError {
  readonly code = 'MESOS_NAPI_INVALID_ARGUMENT';

  constructor(
    readonly argument: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(`${argument}: ${message}`, options);
    this.name = 'InvalidArgumentError';
    brand(this);
  }

  /** The same as `argument`. */
  get path(): string {
    return this.argument;
  }
}

/** The executor is not running under a Mesos agent: MESOS_* variables are missing or malformed. */
export class ExecutorEnvironmentError extends MesosNapiError {
  override readonly code = 'MESOS_NAPI_EXECUTOR_ENVIRONMENT';
  /** The variables that are not set. */
  readonly missing: string[];

  constructor(
    missing: string[],
    readonly malformed: string[] = [],
  ) {
    const problems = [
      ...(missing.length > 0
        ? [`${missing.join(', ')} ${missing.length === 1 ? 'is' : 'are'} not set`]
        : []),
      ...malformed,
    ];
    super(
      `Cannot start the executor driver: ${problems.join('; ')}. ` +
        'Executors are started by a Mesos agent, which sets these variables; libmesos would exit the process otherwise.',
    );
    this.missing = missing;
  }
}

/**
 * A MESOS_* variable of the process's environment has a value on which libmesos would end
 * the process (e.g. MESOS_LOGGING_LEVEL=debug); one given in options.environment is an
 * InvalidArgumentError instead.
 */
export class EnvironmentFlagError extends MesosNapiError {
  override readonly code = 'MESOS_NAPI_ENVIRONMENT_FLAG';

  constructor(
    readonly variable: string,
    problem: string,
  ) {
    super(`${variable} (in the process environment): ${problem}`);
  }
}

/**
 * master=local while another driver of this process (any worker included) still holds the
 * in-process cluster: libmesos runs one at a time and kills the process on a second.
 */
export class LocalClusterBusyError extends MesosNapiError {
  override readonly code = 'MESOS_NAPI_LOCAL_CLUSTER_BUSY';
}

/** Thrown by anything that needs the native addon when it cannot be loaded. */
export class AddonNotFoundError extends MesosNapiError {
  override readonly code = 'MESOS_NAPI_ADDON_NOT_FOUND';

  /** What to do about it; also in the message. */
  declare readonly solutions: string[];

  constructor(message: string, solutions: string[], cause?: unknown) {
    super(`${message}\n\nPossible solutions:\n${solutions.map((s) => `- ${s}`).join('\n')}`, {
      cause,
    });
    // Not enumerable: printed once, in the message, not again by util.inspect.
    Object.defineProperty(this, 'solutions', { value: solutions });
  }
}

/**
 * A leader election cannot go on: the ZooKeeper group failed for good (for example a
 * refused authentication), the election was withdrawn or closed while a `contend()` was
 * waiting, or the addon was built before leader election was added.
 */
export class LeaderElectionError extends MesosNapiError {
  override readonly code = 'MESOS_NAPI_LEADER_ELECTION';
}

/**
 * A LeaderElection, ZooKeeperState or ZooKeeper Log would take the process past the
 * ZooKeeper clients it can hold: libmesos's ZooKeeper code blocks a libprocess worker
 * thread per client waiting on another, and with all of them blocked the process hangs.
 * The limit is LIBPROCESS_NUM_WORKER_THREADS minus 2 (the addon sets it to max(16, cores)
 * when unset; a ZooKeeper Log takes 2 clients).
 */
export class ZooKeeperClientLimitError extends MesosNapiError {
  override readonly code = 'MESOS_NAPI_ZOOKEEPER_CLIENT_LIMIT';
}

const LIMIT_PREFIX = 'zookeeper-client-limit: ';

/** @internal The addon's refusal of one more ZooKeeper client as a ZooKeeperClientLimitError. */
export function zookeeperLimitError(error: unknown): unknown {
  const message = error instanceof Error ? error.message : '';
  return message.startsWith(LIMIT_PREFIX)
    ? new ZooKeeperClientLimitError(message.slice(LIMIT_PREFIX.length))
    : error;
}

const UNRESOLVED_PREFIX = 'unresolved-server: ';

/**
 * @internal The addon's refusal of a ZooKeeper server that resolved when checked but no
 * longer did right before libmesos's client was made, as an InvalidArgumentError naming
 * `argument`; any other error as it is.
 */
export function unresolvedServerError(error: unknown, argument: string): unknown {
  const message = error instanceof Error ? error.message : '';
  return message.startsWith(UNRESOLVED_PREFIX)
    ? new InvalidArgumentError(argument, message.slice(UNRESOLVED_PREFIX.length), { cause: error })
    : error;
}

/**
 * A State or Log operation failed in libmesos (Java's Log.OperationFailedException, or the
 * ExecutionException of a State future); the message is libmesos's.
 */
export class OperationFailedError extends MesosNapiError {
  override readonly code: string = 'MESOS_NAPI_OPERATION_FAILED';
}

/**
 * A Log.Writer no longer holds the exclusive write promise, or its append or truncate
 * failed (Java's Log.WriterFailedException). The writer rejects every append and truncate
 * until a start() succeeds again.
 */
export class WriterFailedError extends OperationFailedError {
  override readonly code = 'MESOS_NAPI_WRITER_FAILED';
}

/** A Log operation did not complete within its timeout and was discarded (Java's TimeoutException). */
export class OperationTimeoutError extends MesosNapiError {
  override readonly code = 'MESOS_NAPI_TIMEOUT';
}

/**
 * A v1 call made in a state in which libmesos would drop it without a word: before the
 * library is connected (SUBSCRIBE), before it is subscribed (every other call), SUBSCRIBE
 * once subscribed, or anything after close().
 */
export class NotSubscribedError extends MesosNapiError {
  override readonly code = 'MESOS_NAPI_NOT_SUBSCRIBED';
}

/**
 * A v1 `call()` got no answer from the master: libmesos failed it (the connection broke,
 * the answer did not decode, the library was closed).
 */
export class CallFailedError extends MesosNapiError {
  override readonly code = 'MESOS_NAPI_CALL_FAILED';
}

/**
 * startLocalCluster() could not start or restart its mesos-master and mesos-agent: a binary
 * is missing, a port is taken, or a process exited (the message ends with its log's last lines).
 */
export class LocalClusterError extends MesosNapiError {
  override readonly code = 'MESOS_NAPI_LOCAL_CLUSTER';
}
