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
}

/** The executor is not running under a Mesos agent: required MESOS_* variables are missing. */
export class ExecutorEnvironmentError extends MesosNapiError {
  constructor(readonly missing: string[]) {
    super(
      `Cannot start the executor driver: ${missing.join(', ')} ${missing.length === 1 ? 'is' : 'are'} not set. ` +
        'Executors are started by a Mesos agent, which sets these variables; libmesos would exit the process without them.',
    );
  }
}
