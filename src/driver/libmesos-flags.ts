import * as fs from 'fs';
import { EnvironmentFlagError, InvalidArgumentError } from '../errors';

/**
 * The MESOS_* variables libmesos reads as flags (stout's flags: MESOS_LOGGING_LEVEL is the
 * flag logging_level), parsed as stout parses them, and the values on which libmesos ends
 * the process instead of reporting an error.
 */

/** Why a value does not parse, or undefined when it does. */
type Parser = (value: string) => string | undefined;

const INT32_MIN = -(2 ** 31);
const INT32_MAX = 2 ** 31 - 1;
const MAX_NANOS = 2 ** 63 - 1;

const DURATION_UNITS: Readonly<Record<string, number>> = {
  ns: 1,
  us: 1e3,
  ms: 1e6,
  secs: 1e9,
  mins: 60e9,
  hrs: 3600e9,
  days: 86400e9,
  weeks: 604800e9,
};

// A number as boost::lexical_cast<double> reads the digits and dots stout's Duration::parse
// takes before the unit: no sign, no exponent, no white space.
const DURATION = /^(\d+\.?\d*|\.\d+)(ns|us|ms|secs|mins|hrs|days|weeks)$/;

/** Why stout's Duration::parse refuses value ('5secs', '1.5mins'), or undefined. */
export function durationProblem(value: string): string | undefined {
  const match = DURATION.exec(value);
  if (!match)
    return 'is not a duration like 5secs (a number, then ns, us, ms, secs, mins, hrs, days or weeks, no spaces)';
  if (Number(match[1]) * DURATION_UNITS[match[2]] > MAX_NANOS)
    return 'is longer than a Duration can hold';
  return undefined;
}

/** `NAME 'value' is not a duration ...` for each of names set to what is not a duration. */
export function durationProblems(
  env: Record<string, string | undefined>,
  names: readonly string[],
): string[] {
  const problems: string[] = [];
  for (const name of names) {
    const value = env[name];
    const problem = value === undefined ? undefined : durationProblem(value);
    if (problem !== undefined) problems.push(`${name} '${value}' ${problem}`);
  }
  return problems;
}

// libprocess's UPID: id@host:port. A host that is not an IPv4 address must resolve, which
// is not checked here.
const UPID = /^[^@\s]+@[^:@\s]+:\d{1,5}$/;

/** Whether value has the form of a libprocess pid (id@host:port). */
export function isUpid(value: string): boolean {
  return UPID.test(value) && Number(value.slice(value.lastIndexOf(':') + 1)) <= 65535;
}

// std::istringstream >> int, which must end the input: leading white space and a sign.
const INT = /^[ \t\n\v\f\r]*[+-]?\d+$/;

const parsers: Readonly<Record<'bool' | 'int' | 'duration' | 'string', Parser>> = {
  bool: (value) =>
    ['', 'true', '1', 'false', '0'].includes(value) ? undefined : 'is not true, false, 1 or 0',
  int: (value) => {
    if (!INT.test(value)) return 'is not a whole number';
    const number = Number(value.trim());
    return number < INT32_MIN || number > INT32_MAX ? 'is out of the range of an int' : undefined;
  },
  duration: durationProblem,
  string: () => undefined,
};

type FlagType = keyof typeof parsers;

const LOGGING_FLAGS: Readonly<Record<string, FlagType>> = {
  quiet: 'bool',
  logging_level: 'string',
  log_dir: 'string',
  logbufsecs: 'int',
  initialize_driver_logging: 'bool',
  external_log_file: 'string',
};

// local::Flags (what the classic scheduler driver loads), then the v1 scheduler's own.
const LOCAL_FLAGS: Readonly<Record<string, FlagType>> = {
  ...LOGGING_FLAGS,
  work_dir: 'string',
  num_slaves: 'int',
};

const V1_SCHEDULER_FLAGS: Readonly<Record<string, FlagType>> = {
  ...LOCAL_FLAGS,
  connection_delay_max: 'duration',
  http_authenticatee: 'string',
  modules: 'string',
  modules_dir: 'string',
};

/**
 * Which scheduler library reads the flags: the driver reports flags that do not parse
 * through error() (DRIVER_ABORTED); the v1 library ends the process. (Both executor
 * libraries load their flags from a map whose keys keep the MESOS_ prefix, as unknown
 * flags they ignore: no value of theirs ends the process.)
 */
export type FlagReader = 'scheduler' | 'v1-scheduler';

const FLAGS: Readonly<Record<FlagReader, Readonly<Record<string, FlagType>>>> = {
  scheduler: LOCAL_FLAGS,
  'v1-scheduler': V1_SCHEDULER_FLAGS,
};

/** A variable libmesos would end the process on, and why. */
export interface FlagProblem {
  variable: string;
  problem: string;
}

/**
 * What in env (the MESOS_* variables libmesos reads) would make reader end the process: a
 * flag that does not parse (the v1 library), a logging level other than INFO, WARNING or
 * ERROR, or a log directory that cannot be created (both, when the flags parse and driver
 * logging is on: logging::initialize exits on them).
 */
export function flagProblems(
  env: Readonly<Record<string, string | undefined>>,
  reader: FlagReader,
): FlagProblem[] {
  const values = new Map<string, string>();
  const problems: FlagProblem[] = [];
  for (const [flag, type] of Object.entries(FLAGS[reader])) {
    const variable = `MESOS_${flag.toUpperCase()}`;
    const given = env[variable];
    if (given === undefined) continue;
    const fetched = fetchValue(given);
    const problem = fetched.problem ?? parsers[type](fetched.value);
    if (problem === undefined) values.set(flag, fetched.value);
    else problems.push({ variable, problem: `'${given}' ${problem}` });
  }
  if (problems.length > 0) return reader === 'v1-scheduler' ? problems : [];
  problems.push(...loggingProblems(values));
  if (reader === 'v1-scheduler') problems.push(...moduleProblems(values));
  return problems;
}

// stout reads a value given as file://path from that file.
function fetchValue(value: string): { value: string; problem?: string } {
  if (!value.startsWith('file://')) return { value };
  try {
    return { value: fs.readFileSync(value.slice('file://'.length), 'utf8') };
  } catch (error) {
    return { value, problem: `cannot be read (${(error as Error).message})` };
  }
}

function loggingProblems(values: Map<string, string>): FlagProblem[] {
  const initialize = values.get('initialize_driver_logging');
  if (initialize === 'false' || initialize === '0') return [];
  const problems: FlagProblem[] = [];
  const level = values.get('logging_level');
  if (level !== undefined && !['INFO', 'WARNING', 'ERROR'].includes(level)) {
    problems.push({
      variable: 'MESOS_LOGGING_LEVEL',
      problem: `'${level}' is not INFO, WARNING or ERROR`,
    });
  }
  const logDir = values.get('log_dir');
  if (logDir !== undefined) {
    try {
      fs.mkdirSync(logDir, { recursive: true });
    } catch (error) {
      problems.push({
        variable: 'MESOS_LOG_DIR',
        problem: `'${logDir}' cannot be created (${(error as Error).message})`,
      });
    }
  }
  return problems;
}

function moduleProblems(values: Map<string, string>): FlagProblem[] {
  const modules = values.has('modules') || values.has('modules_dir');
  if (values.has('modules') && values.has('modules_dir')) {
    return [
      { variable: 'MESOS_MODULES', problem: 'is set with MESOS_MODULES_DIR: only one may be' },
    ];
  }
  const authenticatee = values.get('http_authenticatee');
  if (authenticatee !== undefined && authenticatee !== 'basic' && !modules) {
    return [
      {
        variable: 'MESOS_HTTP_AUTHENTICATEE',
        problem: `'${authenticatee}' is not 'basic', and no modules are loaded (MESOS_MODULES or MESOS_MODULES_DIR) that could provide it`,
      },
    ];
  }
  return [];
}

/**
 * Throws on the first variable reader would end the process on, in the environment libmesos
 * reads (env, with given over it): an InvalidArgumentError naming
 * options.environment.<variable> when given set it, an EnvironmentFlagError otherwise.
 */
export function checkFlags(
  env: Readonly<Record<string, string | undefined>>,
  given: Readonly<Record<string, string>> | undefined,
  reader: FlagReader,
): void {
  const [first] = flagProblems({ ...env, ...given }, reader);
  if (first === undefined) return;
  const problem = `${first.problem}; libmesos would end the process on it`;
  if (given !== undefined && first.variable in given) {
    throw new InvalidArgumentError(`options.environment.${first.variable}`, problem);
  }
  throw new EnvironmentFlagError(first.variable, problem);
}
