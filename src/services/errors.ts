import { MesosNapiError } from '../errors';

/**
 * The service's record in its State was changed by another scheduler since this one read
 * it (another leader took over): this scheduler must not act any more. The driver aborts
 * with it.
 */
export class ServiceStateConflictError extends MesosNapiError {
  override readonly code = 'MESOS_NAPI_SERVICE_STATE_CONFLICT';
}

/** An action named something the service does not have (a pod, an instance). */
export class ServiceNotFoundError extends MesosNapiError {
  override readonly code = 'MESOS_NAPI_SERVICE_NOT_FOUND';
  constructor(
    /** The argument that named it. */
    readonly argument: string,
    message: string,
  ) {
    super(message);
  }
}

/**
 * An action that cannot be taken now: no update to pause or resume, an instance being
 * removed, no master to kill a task through.
 */
export class ServiceActionRefusedError extends MesosNapiError {
  override readonly code = 'MESOS_NAPI_SERVICE_ACTION_REFUSED';
}

/** The service's record has not been read from its State yet: await ready() first. */
export class ServiceNotReadyError extends MesosNapiError {
  override readonly code = 'MESOS_NAPI_SERVICE_NOT_READY';
}
