/** Command-line options of the example. */
export interface ExampleOptions {
  tasks: number;
  /** Seconds each server runs; undefined: until the framework is stopped. */
  lifetimeSeconds: number | undefined;
  master: string;
  /** zk://host:port/path: run highly available (leader election there); undefined: plain. */
  ha: string | undefined;
  /** ZooKeeper session timeout (ms) for --ha. */
  sessionTimeout: number | undefined;
}

export const USAGE = `usage: npm run example -- [--tasks N] [--lifetime SECONDS] [--master host:port|zk://...|local] [--ha zk://host:port/path [--session-timeout MS]]

  --tasks N           how many web servers to run (default 1)
  --lifetime SECONDS  how long each server lives (default: until Ctrl-C)
  --master MASTER     the Mesos master (default local: an in-process cluster)
  --ha ZK_URL         run as one of several processes of the framework: they elect a leader
                      in ZooKeeper at that path, the others stand by and take over with the
                      same framework id when it goes (not with --master local)
  --session-timeout MS  ZooKeeper session timeout for --ha (default 10000)`;

export function parseOptions(argv: string[]): ExampleOptions {
  const options: ExampleOptions = {
    tasks: 1,
    lifetimeSeconds: undefined,
    master: 'local',
    ha: undefined,
    sessionTimeout: undefined,
  };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const value = argv[i + 1];
    if (flag === '--help' || flag === '-h') throw new Error(USAGE);
    if (value === undefined) throw new Error(`${flag} needs a value\n\n${USAGE}`);
    if (flag === '--tasks') options.tasks = positive(flag, value, true);
    else if (flag === '--lifetime') options.lifetimeSeconds = positive(flag, value, false);
    else if (flag === '--master') options.master = value;
    else if (flag === '--ha') options.ha = value;
    else if (flag === '--session-timeout') options.sessionTimeout = positive(flag, value, true);
    else throw new Error(`unknown option ${flag}\n\n${USAGE}`);
    i++;
  }
  if (options.ha && options.master === 'local') {
    throw new Error(`--ha needs a real cluster (--master zk://... or host:port)\n\n${USAGE}`);
  }
  return options;
}

function positive(flag: string, value: string, integer: boolean): number {
  const number = Number(value);
  if (!(number > 0) || (integer && !Number.isInteger(number))) {
    throw new Error(
      `${flag}: expected a positive ${integer ? 'integer' : 'number'}, got '${value}'`,
    );
  }
  return number;
}
