import type { HealthCheck, Input, KillPolicy } from '../messages';
import { commandInfo } from './builders';
import { InvalidArgumentError } from '../errors';

/** What a health check probes: a command's exit code, an HTTP GET, or a TCP connect. */
export type HealthCheckTarget =
  | { command: string | string[]; environment?: Record<string, string> }
  | { http: { port: number; path?: string; scheme?: 'http' | 'https' } }
  | { tcp: { port: number } };

/** When and how often; Mesos's defaults apply to what is left out. */
export interface HealthCheckTiming {
  /** Seconds before the first check (Mesos default 15). */
  delaySeconds?: number;
  /** Seconds between checks (Mesos default 10). */
  intervalSeconds?: number;
  /** Seconds a check may take before it counts as failed (Mesos default 20). */
  timeoutSeconds?: number;
  /** After this many failures in a row the task is killed (default 3). */
  consecutiveFailures?: number;
  /** Failures in the first seconds are not counted until a check has passed. */
  gracePeriodSeconds?: number;
}

function checkPort(port: number): number {
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new InvalidArgumentError(
      'healthCheck.port',
      `must be an integer from 1 to 65535, got ${port}`,
    );
  }
  return port;
}

function checkTiming(timing: HealthCheckTiming): HealthCheckTiming {
  for (const [name, value] of Object.entries(timing)) {
    if (typeof value !== 'number' || !(value >= 0)) {
      throw new InvalidArgumentError(
        `healthCheck.${name}`,
        `must be a number of at least 0, got ${value}`,
      );
    }
  }
  return timing;
}

/**
 * A TaskInfo health check (COMMAND, HTTP or TCP), run by the executor; updates with
 * `healthy` true or false follow as its result changes.
 */
export function healthCheck(
  target: HealthCheckTarget,
  timing: HealthCheckTiming = {},
): Input<HealthCheck> {
  const when = checkTiming(timing);
  if ('command' in target) {
    return { ...when, type: 'COMMAND', command: commandInfo(target.command, target.environment) };
  }
  if ('http' in target) {
    const { port, path, scheme } = target.http;
    return {
      ...when,
      type: 'HTTP',
      http: {
        port: checkPort(port),
        ...(path !== undefined ? { path } : {}),
        ...(scheme !== undefined ? { scheme } : {}),
      },
    };
  }
  return { ...when, type: 'TCP', tcp: { port: checkPort(target.tcp.port) } };
}

/** How long a killed task has between SIGTERM and SIGKILL. */
export function killPolicy(gracePeriodSeconds: number): Input<KillPolicy> {
  if (typeof gracePeriodSeconds !== 'number' || !(gracePeriodSeconds >= 0)) {
    throw new InvalidArgumentError(
      'killPolicy.gracePeriodSeconds',
      `must be at least 0 seconds, got ${gracePeriodSeconds}`,
    );
  }
  return { gracePeriod: { nanoseconds: BigInt(Math.round(gracePeriodSeconds * 1e9)) } };
}
