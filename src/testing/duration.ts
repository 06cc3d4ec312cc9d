import { InvalidArgumentError } from '../errors';

/** A span of virtual time: milliseconds, or a string such as '250ms', '30s', '5m', '1h', '1d'. */
export type Duration = number | string;

const UNITS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };
const FORMAT = /^\s*(\d+(?:\.\d+)?)\s*(ms|s|m|h|d)\s*$/;

/** The duration in milliseconds; throws an InvalidArgumentError naming `where` otherwise. */
export function toMilliseconds(duration: Duration, where: string): number {
  if (typeof duration === 'number') {
    if (Number.isFinite(duration) && duration >= 0) return duration;
  } else if (typeof duration === 'string') {
    const match = FORMAT.exec(duration);
    if (match) return Number(match[1]) * UNITS[match[2]];
  }
  throw new InvalidArgumentError(
    where,
    `expected a duration (milliseconds, or a string like '500ms', '30s', '5m', '1h'), got ${JSON.stringify(duration)}`,
  );
}
