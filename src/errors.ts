/** Base class of every error this package throws on purpose. */
export class MesosNapiError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
  }
}

/**
 * An argument (or a field in it) is wrong; thrown before anything reaches libmesos.
 * `argument` names it with its full path, e.g. 'tasks[0].resources[1].scalar.value'.
 */
export class InvalidArgumentError extends TypeError {
  constructor(
    readonly argument: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(`${argument}: ${message}`, options);
    this.name = 'InvalidArgumentError';
  }

  /** The same as `argument`. */
  get path(): string {
    return this.argument;
  }
}

/** The executor is not running under a Mesos agent: MESOS_* variables are missing or malformed. */
export class ExecutorEnvironmentError extends MesosNapiError {
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
