import { EnvironmentFlagError, InvalidArgumentError } from '../errors';
import type { LogLevel } from './record';

const LEVELS: readonly LogLevel[] = ['info', 'warning', 'error', 'off'];

/** A level as setLogLevel() takes it; InvalidArgumentError naming `name` otherwise. */
export function checkLevel(value: unknown, name: string): LogLevel {
  if (typeof value === 'string' && (LEVELS as readonly string[]).includes(value)) {
    return value as LogLevel;
  }
  throw new InvalidArgumentError(name, `must be one of ${LEVELS.join(', ')}`);
}

/** A verbose level for VLOG(n): a whole number from 0. */
export function checkVerbose(value: unknown, name: string): number {
  if (typeof value === 'number' && Number.isInteger(value) && value >= 0 && value < 2 ** 31) {
    return value;
  }
  throw new InvalidArgumentError(name, 'must be a whole number from 0');
}

/**
 * The level the environment asks for, first found: MESOS_NAPI_LOG_LEVEL; MESOS_QUIET
 * (true: 'off'); MESOS_LOGGING_LEVEL (INFO, WARNING, ERROR); GLOG_minloglevel (0 info,
 * 1 warning, 2 error, 3 off); else 'warning'.
 */
export function levelFromEnvironment(env: Readonly<Record<string, string | undefined>>): LogLevel {
  const own = env.MESOS_NAPI_LOG_LEVEL;
  if (own !== undefined && own !== '') {
    const level = own.toLowerCase() === 'warn' ? 'warning' : own.toLowerCase();
    if (!(LEVELS as readonly string[]).includes(level)) {
      throw new EnvironmentFlagError(
        'MESOS_NAPI_LOG_LEVEL',
        `'${own}' is not one of ${LEVELS.join(', ')}`,
      );
    }
    return level as LogLevel;
  }
  if (env.MESOS_QUIET === 'true' || env.MESOS_QUIET === '1') return 'off';
  const mesos = env.MESOS_LOGGING_LEVEL;
  if (mesos === 'INFO' || mesos === 'WARNING' || mesos === 'ERROR') {
    return mesos.toLowerCase() as LogLevel;
  }
  const glog = Number(env.GLOG_minloglevel);
  if (env.GLOG_minloglevel !== undefined && Number.isInteger(glog) && glog >= 0) {
    return (['info', 'warning', 'error'] as const)[glog] ?? 'off';
  }
  return 'warning';
}

/** GLOG_v, as glog reads it: 0 unless it is a whole number. */
export function verboseFromEnvironment(env: Readonly<Record<string, string | undefined>>): number {
  const value = Number(env.GLOG_v);
  return env.GLOG_v !== undefined && Number.isInteger(value) && value >= 0 ? value : 0;
}

/** Where glog writes log files: MESOS_LOG_DIR, else GLOG_log_dir; null: none. */
export function logDirFromEnvironment(
  env: Readonly<Record<string, string | undefined>>,
): string | null {
  return env.MESOS_LOG_DIR || env.GLOG_log_dir || null;
}
