import fc from 'fast-check';
import fs from 'fs';
import os from 'os';
import path from 'path';
import {
  checkFlags,
  durationProblem,
  flagProblems,
  isUpid,
} from '../../../src/driver/libmesos-flags';
import { EnvironmentFlagError, InvalidArgumentError } from '../../../src/errors';
import { assertProperty } from '../../support/property';

// stout's Duration::parse, step by step as written (duration.hpp), with the numbers
// boost::lexical_cast<double> takes: measured against Boost 1.81 as built with Mesos.
function stoutParsesDuration(s: string): boolean {
  const nanos: Record<string, number> = {
    ns: 1,
    us: 1e3,
    ms: 1e6,
    secs: 1e9,
    mins: 6e10,
    hrs: 3.6e12,
    days: 8.64e13,
    weeks: 6.048e14,
  };
  let index = 0;
  while (index < s.length) {
    if (/[0-9.]/.test(s[index])) {
      index++;
      continue;
    }
    const number = s.slice(0, index);
    const dots = number.split('.').length - 1;
    if (number === '' || number === '.' || dots > 1) return false;
    const unit = s.slice(index);
    // A value past int64's range of nanoseconds is an error.
    return unit in nanos && Number(number) * nanos[unit] <= 2 ** 63;
  }
  return false; // no unit
}

describe('durations as stout parses them', () => {
  test.each(['5secs', '5.secs', '.5secs', '05ms', '00.5mins', '1.25hrs', '3weeks', '0ns'])(
    '%s is taken',
    (value) => expect(durationProblem(value)).toBeUndefined(),
  );
  test.each([
    '5 secs',
    ' 5secs',
    '5secs ',
    '5',
    'secs',
    '.secs',
    '1.2.3secs',
    '+5secs',
    '-5secs',
    '1e3secs',
    '5sec',
    '5SECS',
  ])('%j is refused', (value) => expect(durationProblem(value)).toMatch(/is not a duration/));
  test('longer than an int64 of nanoseconds is refused', () => {
    expect(durationProblem('15000weeks')).toBeUndefined();
    expect(durationProblem('16000weeks')).toMatch(/longer than a Duration/);
  });
  test('property: refused exactly when stout refuses the form', () => {
    const alphabet = fc.constantFrom(...'0123456789. +-esmhdwkuncr'.split(''));
    const durations = fc.oneof(
      fc.string({ unit: alphabet, maxLength: 10 }),
      fc
        .tuple(
          fc.string({ unit: fc.constantFrom(...'0123456789.'.split('')), maxLength: 6 }),
          fc.constantFrom(
            'ns',
            'us',
            'ms',
            'secs',
            'mins',
            'hrs',
            'days',
            'weeks',
            'sec',
            ' secs',
            '',
          ),
        )
        .map(([number, unit]) => number + unit),
    );
    assertProperty(
      fc.property(durations, (value) => {
        expect(durationProblem(value) === undefined).toBe(stoutParsesDuration(value));
      }),
      500,
    );
  });
});

describe('agent pids', () => {
  test.each([
    ['slave(1)@10.0.0.1:5051', true],
    ['slave(1)@agent.example:5051', true],
    ['slave(1)@10.0.0.1:65536', false],
    ['slave(1)@10.0.0.1', false],
    ['10.0.0.1:5051', false],
  ])('%s: %s', (value, expected) => expect(isUpid(value)).toBe(expected));
});

describe('flags libmesos ends the process on', () => {
  test('a flag that does not parse ends the v1 scheduler; the driver reports it', () => {
    const env = { MESOS_LOGBUFSECS: '5 ', MESOS_QUIET: 'yes' };
    expect(flagProblems(env, 'v1-scheduler')).toEqual([
      { variable: 'MESOS_QUIET', problem: "'yes' is not true, false, 1 or 0" },
      { variable: 'MESOS_LOGBUFSECS', problem: "'5 ' is not a whole number" },
    ]);
    expect(flagProblems(env, 'scheduler')).toEqual([]);
  });

  test.each([
    ['5', true],
    [' 5', true],
    ['\t-7', true],
    ['+5', true],
    ['2147483647', true],
    ['2147483648', false],
    ['-2147483649', false],
    ['0x10', false],
    ['', false],
    ['5 ', false],
  ])('an int flag %j: taken %s', (value, taken) => {
    expect(flagProblems({ MESOS_NUM_SLAVES: value }, 'v1-scheduler')).toHaveLength(taken ? 0 : 1);
  });

  test('an empty boolean is true, as stout takes it', () => {
    expect(flagProblems({ MESOS_QUIET: '' }, 'v1-scheduler')).toEqual([]);
  });

  test('a logging level logging::initialize does not know, unless driver logging is off', () => {
    for (const reader of ['scheduler', 'v1-scheduler'] as const) {
      expect(flagProblems({ MESOS_LOGGING_LEVEL: 'debug' }, reader)).toEqual([
        { variable: 'MESOS_LOGGING_LEVEL', problem: "'debug' is not INFO, WARNING or ERROR" },
      ]);
      const off = { MESOS_LOGGING_LEVEL: 'debug', MESOS_INITIALIZE_DRIVER_LOGGING: 'false' };
      expect(flagProblems(off, reader)).toEqual([]);
    }
    expect(flagProblems({ MESOS_LOGGING_LEVEL: 'WARNING' }, 'scheduler')).toEqual([]);
  });

  test('a log directory that cannot be created; one that can is created, as libmesos would', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mesos-napi-flags-'));
    try {
      const file = path.join(dir, 'file');
      fs.writeFileSync(file, '');
      expect(flagProblems({ MESOS_LOG_DIR: path.join(file, 'logs') }, 'scheduler')).toEqual([
        { variable: 'MESOS_LOG_DIR', problem: expect.stringMatching(/cannot be created/) },
      ]);
      expect(flagProblems({ MESOS_LOG_DIR: path.join(dir, 'a', 'b') }, 'scheduler')).toEqual([]);
      expect(fs.statSync(path.join(dir, 'a', 'b')).isDirectory()).toBe(true);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  test('file:// values are read from the file, as stout reads them', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mesos-napi-flags-'));
    try {
      const level = path.join(dir, 'level');
      fs.writeFileSync(level, 'ERROR');
      expect(flagProblems({ MESOS_LOGGING_LEVEL: `file://${level}` }, 'v1-scheduler')).toEqual([]);
      expect(
        flagProblems({ MESOS_LOGGING_LEVEL: `file://${path.join(dir, 'none')}` }, 'v1-scheduler'),
      ).toEqual([
        { variable: 'MESOS_LOGGING_LEVEL', problem: expect.stringMatching(/cannot be read/) },
      ]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  test('the v1 scheduler: modules one way only, and an authenticatee a module must provide', () => {
    expect(flagProblems({ MESOS_MODULES: '{}', MESOS_MODULES_DIR: '/m' }, 'v1-scheduler')).toEqual([
      { variable: 'MESOS_MODULES', problem: expect.stringMatching(/MESOS_MODULES_DIR/) },
    ]);
    expect(flagProblems({ MESOS_HTTP_AUTHENTICATEE: 'custom' }, 'v1-scheduler')).toEqual([
      { variable: 'MESOS_HTTP_AUTHENTICATEE', problem: expect.stringMatching(/not 'basic'/) },
    ]);
    expect(flagProblems({ MESOS_HTTP_AUTHENTICATEE: 'basic' }, 'v1-scheduler')).toEqual([]);
    expect(flagProblems({ MESOS_HTTP_AUTHENTICATEE: 'custom' }, 'scheduler')).toEqual([]);
  });

  test('checkFlags names options.environment when the value came from there', () => {
    const bad = { MESOS_LOGGING_LEVEL: 'debug' };
    expect(() => checkFlags({}, bad, 'scheduler')).toThrow(InvalidArgumentError);
    expect(() => checkFlags({}, bad, 'scheduler')).toThrow(
      /^options\.environment\.MESOS_LOGGING_LEVEL: 'debug' is not INFO, WARNING or ERROR; libmesos would end the process/,
    );
    let error: unknown;
    try {
      checkFlags(bad, undefined, 'v1-scheduler');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(EnvironmentFlagError);
    expect(error).toMatchObject({
      code: 'MESOS_NAPI_ENVIRONMENT_FLAG',
      variable: 'MESOS_LOGGING_LEVEL',
    });
    // A value given over a bad one in the process environment is what libmesos reads.
    expect(() => checkFlags(bad, { MESOS_LOGGING_LEVEL: 'INFO' }, 'scheduler')).not.toThrow();
  });
});
