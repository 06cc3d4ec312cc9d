import { MesosNapiError } from './errors';

/**
 * libmesos's mesos::Status, as returned by every driver call. The values are the names, as
 * for every Mesos enum in this library, so a status prints as itself.
 */
export enum Status {
  DRIVER_NOT_STARTED = 'DRIVER_NOT_STARTED',
  DRIVER_RUNNING = 'DRIVER_RUNNING',
  DRIVER_ABORTED = 'DRIVER_ABORTED',
  DRIVER_STOPPED = 'DRIVER_STOPPED',
}

// mesos::Status's numbers, as the addon returns them.
const BY_NUMBER: readonly Status[] = [
  Status.DRIVER_NOT_STARTED,
  Status.DRIVER_RUNNING,
  Status.DRIVER_ABORTED,
  Status.DRIVER_STOPPED,
];

/** The Status for a number the addon returned; throws on anything else (an addon bug). */
export function toStatus(value: number): Status {
  const status = Number.isInteger(value) ? BY_NUMBER[value - 1] : undefined;
  if (status === undefined) {
    throw new MesosNapiError(
      `The native driver returned ${String(value)}, which is not a driver Status (1..4)`,
    );
  }
  return status;
}
