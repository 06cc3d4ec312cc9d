import { InvalidArgumentError } from '../errors';
import { formatRecord, type LogRecord } from './record';

/**
 * An object logger: pino, bunyan, winston, console, or anything with these methods. pino
 * and bunyan (and any other object) get (fields, message); winston gets (message, fields);
 * console gets one line.
 */
export interface LevelLogger {
  /** Not called: glog has no level below INFO. Optional. */
  debug?(...args: never[]): unknown;
  /** Takes INFO records. */
  info(...args: never[]): unknown;
  /** Takes WARNING records. */
  warn(...args: never[]): unknown;
  /** Takes ERROR records, and FATAL ones where there is no `fatal`. */
  error(...args: never[]): unknown;
  /** Takes FATAL records; optional. */
  fatal?(...args: never[]): unknown;
}

/** A function that takes each record, or an object logger. */
export type Logger = ((record: LogRecord) => void) | LevelLogger;

/** The fields an object logger gets with each record's message. */
export interface LogFields {
  /** Who logged it: libmesos (glog), or mesos-napi itself. */
  source: 'libmesos' | 'mesos-napi';
  /** The record's severity. */
  severity: LogRecord['severity'];
  /** The source file's base name. */
  file: string;
  /** The line in `file`. */
  line: number;
  /** The logging thread's id, as glog prints it. */
  thread: number;
  /** When libmesos logged it (ISO 8601), which may be before the logger saw it. */
  loggedAt: string;
  /** How many records were dropped before this one because the JS thread fell behind. */
  dropped?: number;
}

/** The function each record goes to; InvalidArgumentError naming `name` for a non-logger. */
export function toRecordFunction(logger: unknown, name: string): (record: LogRecord) => void {
  if (typeof logger === 'function') return logger as (record: LogRecord) => void;
  if (typeof logger !== 'object' || logger === null) {
    throw new InvalidArgumentError(name, 'must be a function or an object logger');
  }
  const object = logger as Record<string, unknown>;
  for (const method of ['info', 'warn', 'error']) {
    if (typeof object[method] !== 'function') {
      throw new InvalidArgumentError(`${name}.${method}`, 'must be a function');
    }
  }
  const method = (record: LogRecord): string => {
    if (record.severity === 'info') return 'info';
    if (record.severity === 'warning') return 'warn';
    if (record.severity === 'fatal' && typeof object.fatal === 'function') return 'fatal';
    return 'error';
  };
  const call = (record: LogRecord, ...args: unknown[]) =>
    (object[method(record)] as (...a: unknown[]) => unknown).apply(object, args);
  if (logger === console) return (record) => call(record, formatRecord(record));
  if (isWinston(object)) return (record) => call(record, record.message, fieldsOf(record));
  return (record) => call(record, fieldsOf(record), record.message);
}

function isWinston(object: Record<string, unknown>): boolean {
  return typeof object.log === 'function' && 'transports' in object;
}

function fieldsOf(record: LogRecord): LogFields {
  const fields: LogFields = {
    source: record.file === 'mesos-napi' ? 'mesos-napi' : 'libmesos',
    severity: record.severity,
    file: record.file,
    line: record.line,
    thread: record.thread,
    loggedAt: record.time.toISOString(),
  };
  if (record.dropped !== undefined) fields.dropped = record.dropped;
  return fields;
}
