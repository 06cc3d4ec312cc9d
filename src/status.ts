/** libmesos's mesos::Status, as returned by every driver call. */
export enum Status {
  DRIVER_NOT_STARTED = 1,
  DRIVER_RUNNING = 2,
  DRIVER_ABORTED = 3,
  DRIVER_STOPPED = 4,
}

/** The Status for a number the addon returned; throws on anything else (an addon bug). */
export function toStatus(value: number): Status {
  if (value >= 1 && value <= 4 && Number.isInteger(value)) return value as Status;
  throw new RangeError(
    `The native driver returned ${String(value)}, which is not a driver Status (1..4)`,
  );
}
