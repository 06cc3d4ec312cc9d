import { MesosNapiError } from '../errors';

/**
 * The service's record in its State was changed by another scheduler since this one read
 * it (another leader took over): this scheduler must not act any more. The driver aborts
 * with it.
 */
export class ServiceStateConflictError extends MesosNapiError {
  override readonly code = 'MESOS_NAPI_SERVICE_STATE_CONFLICT';
}
