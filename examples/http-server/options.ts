import { parseArgs } from 'util';

/** Command-line options of the example. */
export interface ExampleOptions {
  tasks: number;
  /** Seconds each server runs; undefined: until the framework is stopped. */
  lifetimeSeconds: number | undefined;
  /** The Mesos master; undefined: not given (local: an in-process cluster, or the simulation without Mesos). */
  master: string | undefined;
  /** zk://host:port/path: run highly available (leader election there); undefined: plain. */
  ha: string | undefined;
  /** ZooKeeper session timeout (ms) for --ha. */
  sessionTimeout: number | undefined;
  /** Run on mesos-napi/testing's simulated cluster even when Mesos is installed. */
  simulate: boolean;
  /** Show libmesos's INFO lines, the executors' output (with the servers' access logs), and errors' stacks. */
  verbose: boolean;
}

export const USAGE = `usage: npm run example -- [--tasks N] [--lifetime SECONDS] [--master host:port|zk://...|local] [--ha zk://host:port/path [--session-timeout MS]] [--simulate] [--verbose]

  --tasks N           how many web servers to run (default 1)
  --lifetime SECONDS  how long each server lives (default: until Ctrl-C)
  --master MASTER     the Mesos master (default local: an in-process cluster; without Mesos
                      installed, a simulated one)
  --ha ZK_URL         run as one of several processes of the framework: they elect a leader
                      in ZooKeeper at that path, the others stand by and take over with the
                      same framework id when it goes (not with --master local)
  --session-timeout MS  ZooKeeper session timeout for --ha (default 10000)
  --simulate          run on mesos-napi/testing's simulated cluster (virtual time, scripted
                      tasks) even when Mesos is installed
  --verbose           also show libmesos's INFO lines, the executors' output (the servers'
                      access logs) and the stack of an error`;

/** A command line the example refuses; printed with the usage, exit code 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** The options, or undefined for --help. Throws a UsageError. */
export function parseOptions(argv: string[]): ExampleOptions | undefined {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        tasks: { type: 'string' },
        lifetime: { type: 'string' },
        master: { type: 'string' },
        ha: { type: 'string' },
        'session-timeout': { type: 'string' },
        simulate: { type: 'boolean', default: false },
        verbose: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    // Node's message goes on to say how to pass a positional starting with '-': none is taken.
    throw new UsageError((error as Error).message.split(/\. (?=To specify)/)[0]);
  }
  if (values.help) return undefined;
  const options: ExampleOptions = {
    tasks: positive('--tasks', values.tasks, true) ?? 1,
    lifetimeSeconds: positive('--lifetime', values.lifetime, false),
    master: values.master,
    ha: values.ha,
    sessionTimeout: positive('--session-timeout', values['session-timeout'], true),
    simulate: values.simulate,
    verbose: values.verbose,
  };
  if (options.ha && (options.master ?? 'local') === 'local') {
    throw new UsageError('--ha needs a real cluster (--master zk://... or host:port)');
  }
  if (options.simulate && (options.master !== undefined || options.ha !== undefined)) {
    throw new UsageError('--simulate runs its own cluster: leave out --master and --ha');
  }
  return options;
}

function positive(flag: string, value: string | undefined, integer: boolean): number | undefined {
  if (value === undefined) return undefined;
  const number = Number(value);
  if (!(number > 0) || (integer && !Number.isInteger(number))) {
    throw new UsageError(
      `${flag}: expected a positive ${integer ? 'integer' : 'number'}, got '${value}'`,
    );
  }
  return number;
}
