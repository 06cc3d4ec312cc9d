/** A record's severity: glog's INFO (VLOG's records too), WARNING, ERROR and FATAL. */
export type LogSeverity = 'info' | 'warning' | 'error' | 'fatal';

/** One line of libmesos's log (glog), as the logger gets it. */
export interface LogRecord {
  /** glog's severity of the line. */
  severity: LogSeverity;
  /** When it was logged. */
  time: Date;
  /** The source file's base name (sched.cpp), and its line. */
  file: string;
  /** The line in `file`. */
  line: number;
  /** The logging thread's id, as glog prints it. */
  thread: number;
  /** The text logged, without glog's prefix. */
  message: string;
  /**
   * Set on a record of mesos-napi's own (file 'mesos-napi'): this many records were
   * dropped since the last batch, because the JS thread fell behind.
   */
  dropped?: number;
}

/** The least severity logged; 'off' logs nothing (glog's FATAL still reaches stderr). */
export type LogLevel = 'info' | 'warning' | 'error' | 'off';

/** A record as the addon passes it (severity 0..3, time in ms since the epoch). */
export interface NativeLogRecord {
  severity: number;
  time: number;
  file: string;
  line: number;
  thread: number;
  message: string;
}

export const SEVERITIES: readonly LogSeverity[] = ['info', 'warning', 'error', 'fatal'];

/** glog's minimum severity for a level (4: nothing but FATAL reaches glog's output). */
export const LEVEL_SEVERITY: Readonly<Record<LogLevel, number>> = {
  info: 0,
  warning: 1,
  error: 2,
  off: 4,
};

export function toLogRecord(native: NativeLogRecord): LogRecord {
  return {
    severity: SEVERITIES[native.severity] ?? 'error',
    time: new Date(native.time),
    file: native.file,
    line: native.line,
    thread: native.thread,
    message: native.message,
  };
}

/** glog's own layout on one line: W1207 05:30:10.123456 12345 sched.cpp:123] message */
export function formatRecord(record: LogRecord): string {
  const t = record.time;
  const two = (n: number) => String(n).padStart(2, '0');
  const stamp =
    `${two(t.getMonth() + 1)}${two(t.getDate())} ` +
    `${two(t.getHours())}:${two(t.getMinutes())}:${two(t.getSeconds())}.` +
    String(t.getMilliseconds()).padStart(3, '0');
  return `${record.severity[0].toUpperCase()}${stamp} ${record.thread} ${record.file}:${record.line}] ${record.message.replace(/\n/g, '\\n')}`;
}
