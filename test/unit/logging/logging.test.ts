import { setLogger, setLogLevel, type LogRecord } from 'mesos-napi';
import { attachLogging } from '../../../src/logging/logging';
import { levelFromEnvironment } from '../../../src/logging/level';
import type { NativeBinding } from '../../../src/native/binding';
import type { NativeLogRecord } from '../../../src/logging/record';

type Receiver = (records: NativeLogRecord[], dropped: number) => void;
const calls: {
  severity: number;
  verbose: number;
  logDir: string | null;
  receiver: Receiver | null;
  ifFirst: boolean;
}[] = [];
attachLogging({
  configureLogging: (
    severity: number,
    verbose: number,
    logDir: string | null,
    receiver: Receiver | null,
    ifFirst: boolean,
  ) => calls.push({ severity, verbose, logDir, receiver, ifFirst }),
} as unknown as NativeBinding);
// jest.config.js quiets the run with MESOS_QUIET.
const atLoad = { ...calls[0] };
const last = () => calls[calls.length - 1];

const native = (severity: number, message: string): NativeLogRecord => ({
  severity,
  time: Date.UTC(2026, 0, 2, 3, 4, 5, 678),
  file: 'sched.cpp',
  line: 42,
  thread: 1234,
  message,
});

afterEach(() => setLogger(null));

test('loading the addon applies the environment’s level, only if nothing configured glog yet', () => {
  expect(atLoad).toEqual({ severity: 4, verbose: 0, logDir: null, receiver: null, ifFirst: true });
  setLogLevel('warning');
  expect(last().ifFirst).toBe(false);
});

test('a function logger gets each record with its severity, time, file, line, thread and message', () => {
  const records: LogRecord[] = [];
  setLogger((record) => records.push(record), { level: 'info', verbose: 2 });
  expect(last()).toMatchObject({ severity: 0, verbose: 2 });
  last().receiver!([native(0, 'Version: 1.12.0'), native(2, 'bad')], 0);
  expect(records).toEqual([
    {
      severity: 'info',
      time: new Date(Date.UTC(2026, 0, 2, 3, 4, 5, 678)),
      file: 'sched.cpp',
      line: 42,
      thread: 1234,
      message: 'Version: 1.12.0',
    },
    expect.objectContaining({ severity: 'error', message: 'bad' }),
  ]);
});

test('dropped records are reported as a record of their own, with their count', () => {
  const records: LogRecord[] = [];
  setLogger((record) => records.push(record));
  last().receiver!([native(1, 'last kept')], 90000);
  expect(records).toEqual([
    expect.objectContaining({ message: 'last kept' }),
    expect.objectContaining({ severity: 'warning', file: 'mesos-napi', dropped: 90000 }),
  ]);
  expect(records[1].message).toMatch(/^90000 libmesos log records dropped/);
});

test('pino and bunyan style loggers get (fields, message); winston (message, fields); console one line', () => {
  const got: unknown[][] = [];
  const methods = (tag: string) => ({
    debug: (...args: unknown[]) => got.push([tag, 'debug', ...args]),
    info: (...args: unknown[]) => got.push([tag, 'info', ...args]),
    warn: (...args: unknown[]) => got.push([tag, 'warn', ...args]),
    error: (...args: unknown[]) => got.push([tag, 'error', ...args]),
  });
  setLogger({
    ...methods('pino'),
    fatal: (...args: unknown[]) => got.push(['pino', 'fatal', ...args]),
  });
  last().receiver!([native(1, 'w'), native(3, 'f')], 0);
  expect(got).toEqual([
    [
      'pino',
      'warn',
      expect.objectContaining({ source: 'libmesos', file: 'sched.cpp', line: 42, thread: 1234 }),
      'w',
    ],
    ['pino', 'fatal', expect.objectContaining({ severity: 'fatal' }), 'f'],
  ]);
  got.length = 0;
  const winston = { ...methods('winston'), log: () => {}, transports: [] };
  setLogger(winston);
  last().receiver!([native(0, 'i'), native(3, 'f')], 0);
  expect(got).toEqual([
    ['winston', 'info', 'i', expect.objectContaining({ file: 'sched.cpp' })],
    ['winston', 'error', 'f', expect.objectContaining({ severity: 'fatal' })],
  ]);
  const warn = jest.spyOn(console, 'warn').mockImplementation(() => {});
  try {
    setLogger(console);
    last().receiver!([native(1, 'two\nlines')], 0);
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn.mock.calls[0]).toEqual([
      expect.stringMatching(/^W\d{4} \d\d:\d\d:\d\d\.678 1234 sched\.cpp:42\] two\\nlines$/),
    ]);
  } finally {
    warn.mockRestore();
  }
});

test('a logger that throws is reported once, as a process warning, and keeps getting records', () => {
  const warnings: Error[] = [];
  const onWarning = (warning: Error) => warnings.push(warning);
  process.on('warning', onWarning);
  const emit = jest.spyOn(process, 'emitWarning');
  let seen = 0;
  try {
    setLogger(() => {
      seen++;
      throw new Error('disk full');
    });
    last().receiver!([native(1, 'a'), native(1, 'b')], 0);
    last().receiver!([native(1, 'c')], 0);
    expect(seen).toBe(3);
    expect(emit).toHaveBeenCalledTimes(1);
    expect(emit.mock.calls[0][0]).toMatch(/the logger given to setLogger\(\) threw \(disk full\)/);
    expect(emit.mock.calls[0][1]).toEqual({ code: 'MESOS_NAPI_LOGGER_FAILED' });
  } finally {
    emit.mockRestore();
    process.off('warning', onWarning);
  }
});

test('setLogger(null) goes back to stderr; setLogLevel keeps the route and changes the severity', () => {
  setLogger(() => {});
  expect(last().receiver).toEqual(expect.any(Function));
  setLogLevel('error', { verbose: 0 });
  expect(last()).toMatchObject({ severity: 2, verbose: 0, receiver: expect.any(Function) });
  setLogLevel('off');
  expect(last().severity).toBe(4);
  setLogger(null);
  expect(last().receiver).toBeNull();
});

test('bad arguments are refused naming them, and change nothing', () => {
  const before = calls.length;
  expect(() => setLogger(42 as never)).toThrow(
    expect.objectContaining({
      code: 'MESOS_NAPI_INVALID_ARGUMENT',
      message: expect.stringMatching(/^logger/),
    }),
  );
  expect(() => setLogger({ info() {}, warn() {} } as never)).toThrow(/^logger\.error/);
  expect(() => setLogLevel('debug' as never)).toThrow(
    /^level: must be one of info, warning, error, off/,
  );
  expect(() => setLogLevel('info', { verbose: -1 })).toThrow(/^options\.verbose/);
  expect(() => setLogger(() => {}, { level: 'loud' as never })).toThrow(/^options\.level/);
  expect(calls.length).toBe(before);
});

test('the level from the environment: MESOS_NAPI_LOG_LEVEL, MESOS_QUIET, MESOS_LOGGING_LEVEL, GLOG_minloglevel, else warning', () => {
  expect(levelFromEnvironment({})).toBe('warning');
  expect(levelFromEnvironment({ GLOG_minloglevel: '0' })).toBe('info');
  expect(levelFromEnvironment({ GLOG_minloglevel: '3' })).toBe('off');
  expect(levelFromEnvironment({ GLOG_minloglevel: '0', MESOS_LOGGING_LEVEL: 'ERROR' })).toBe(
    'error',
  );
  expect(levelFromEnvironment({ MESOS_LOGGING_LEVEL: 'INFO', MESOS_QUIET: 'true' })).toBe('off');
  expect(levelFromEnvironment({ MESOS_QUIET: 'true', MESOS_NAPI_LOG_LEVEL: 'INFO' })).toBe('info');
  expect(levelFromEnvironment({ MESOS_NAPI_LOG_LEVEL: 'warn' })).toBe('warning');
  expect(() => levelFromEnvironment({ MESOS_NAPI_LOG_LEVEL: 'verbose' })).toThrow(
    expect.objectContaining({
      code: 'MESOS_NAPI_ENVIRONMENT_FLAG',
      message: expect.stringMatching(
        /^MESOS_NAPI_LOG_LEVEL \(in the process environment\): 'verbose'/,
      ),
    }),
  );
});
