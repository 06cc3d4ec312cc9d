import { InvalidArgumentError } from '../errors';
import type { NativeBinding } from '../native/binding';
import { debug } from './debug';
import {
  checkLevel,
  checkVerbose,
  levelFromEnvironment,
  logDirFromEnvironment,
  verboseFromEnvironment,
} from './level';
import { toRecordFunction, type Logger } from './logger';
import { LEVEL_SEVERITY, toLogRecord, type LogLevel, type NativeLogRecord } from './record';

/** What setLogger() and setLogLevel() take besides the logger. */
export interface LoggingOptions {
  /** The least severity logged (default: from the environment, else 'warning'). */
  level?: LogLevel;
  /** glog's verbose level for VLOG(n) records (logged at 'info'); default GLOG_v, else 0. */
  verbose?: number;
}

// Set once setLogger() or setLogLevel() was called in this thread.
let explicit = false;

interface Settings {
  level?: LogLevel;
  verbose?: number;
  deliver?: (record: ReturnType<typeof toLogRecord>) => void;
}

const settings: Settings = {};
let binding: NativeBinding | undefined;
let exitHooked = false;
let loggerFailed = false;

/**
 * Sends libmesos's log (glog: the drivers, the v1 libraries, State, Log, leader election,
 * and the in-process master and agent of master 'local') to `logger` instead of stderr:
 * a function taking each LogRecord, or an object logger (pino, bunyan, winston, console).
 * null goes back to stderr. glog's FATAL records still reach stderr before the process ends.
 * A logger that throws is reported once (a process warning) and keeps getting records.
 */
export function setLogger(logger: Logger | null, options?: LoggingOptions): void {
  const deliver = logger === null ? undefined : toRecordFunction(logger, 'logger');
  if (options !== undefined) checkOptions(options, 'options');
  settings.deliver = deliver;
  explicit = true;
  if (options?.level !== undefined) settings.level = options.level;
  if (options?.verbose !== undefined) settings.verbose = options.verbose;
  loggerFailed = false;
  apply();
}

/** The least severity libmesos logs (to the logger, or stderr), and VLOG's verbose level. */
export function setLogLevel(level: LogLevel, options?: Pick<LoggingOptions, 'verbose'>): void {
  const checked = checkLevel(level, 'level');
  if (options !== undefined) checkOptions(options, 'options');
  settings.level = checked;
  explicit = true;
  if (options?.verbose !== undefined) settings.verbose = options.verbose;
  apply();
}

function checkOptions(options: LoggingOptions, name: string): void {
  if (typeof options !== 'object' || options === null) {
    throw new InvalidArgumentError(name, 'must be an object');
  }
  if (options.level !== undefined) checkLevel(options.level, `${name}.level`);
  if (options.verbose !== undefined) checkVerbose(options.verbose, `${name}.verbose`);
}

/** Called once the addon is loaded: glog gets the settings (and the environment's). */
export function attachLogging(loaded: NativeBinding): void {
  binding = loaded;
  if (loaded.glogInitializedByAddon === false) {
    debug('glog was not initialized by the addon: the first driver may reset its level');
  }
  apply();
}

function apply(): void {
  const native = binding;
  if (!native?.configureLogging) return;
  const level = settings.level ?? levelFromEnvironment(process.env);
  const verbose = settings.verbose ?? verboseFromEnvironment(process.env);
  const routed = settings.deliver !== undefined;
  debug(
    'libmesos log: level %s, verbose %d, %s',
    level,
    verbose,
    routed ? 'to the logger' : 'to stderr',
  );
  native.configureLogging(
    LEVEL_SEVERITY[level],
    verbose,
    logDirFromEnvironment(process.env),
    routed ? receive : null,
    // glog is the process's: loading the addon (in a worker too) applies the environment's
    // defaults only when nothing configured it yet.
    !explicit,
  );
  if (routed && !exitHooked) {
    exitHooked = true;
    // What is still queued when the process exits reaches the logger first.
    process.once('exit', () => binding?.drainLogRecords?.());
  }
}

// The addon's receiver: never throws (it runs as a task of the bridge).
function receive(records: NativeLogRecord[], dropped: number): void {
  const deliver = settings.deliver;
  if (!deliver) return;
  for (const native of records) send(deliver, toLogRecord(native));
  if (dropped > 0) {
    send(deliver, {
      severity: 'warning',
      time: new Date(),
      file: 'mesos-napi',
      line: 0,
      thread: process.pid,
      message: `${dropped} libmesos log records dropped: the JS thread fell behind (at most 10000 wait for it)`,
      dropped,
    });
  }
}

function send(deliver: NonNullable<Settings['deliver']>, record: ReturnType<typeof toLogRecord>) {
  try {
    deliver(record);
  } catch (error) {
    if (loggerFailed) return;
    loggerFailed = true;
    process.emitWarning(
      `the logger given to setLogger() threw (${(error as Error)?.message ?? String(error)}); later failures are not reported`,
      { code: 'MESOS_NAPI_LOGGER_FAILED' },
    );
  }
}
