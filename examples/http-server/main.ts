import {
  AddonNotFoundError,
  findMesos,
  HighlyAvailableScheduler,
  MesosSchedulerDriver,
  Status,
  type SchedulerDriver,
  setLogLevel,
} from 'mesos-napi';
import { httpServerExecutorCommand } from './executor-command';
import type { ExampleOptions } from './options';
import { parseOptions, USAGE, UsageError } from './options';
import { describeError } from './report-error';
import { HttpServerScheduler } from './scheduler';
import { runSimulated } from './simulated';

const FRAMEWORK_NAME = 'mesos-napi http-server example';

/** npm run example -- [--tasks N] [--lifetime SECONDS] [--master MASTER] [--ha ZK_URL] [--simulate] [--verbose] */
async function main(options: ExampleOptions): Promise<number> {
  libmesosLog(options.verbose);
  const scheduler = new HttpServerScheduler(options.tasks, options.lifetimeSeconds, {
    executor: httpServerExecutorCommand({
      verbose: options.verbose,
      local: (options.master ?? 'local') === 'local',
    }),
  });
  if (options.simulate) return simulate(scheduler, options, '--simulate');
  if (options.ha) return runHighlyAvailable(scheduler, options, options.ha);
  let driver;
  try {
    driver = new MesosSchedulerDriver(scheduler, {
      framework: { user: '', name: FRAMEWORK_NAME },
      master: options.master ?? 'local',
    });
  } catch (error) {
    // No Mesos on this machine and no master asked for: show the framework at work anyway.
    if (
      error instanceof AddonNotFoundError &&
      options.master === undefined &&
      !findMesos().install
    ) {
      return simulate(scheduler, options, 'no Mesos found');
    }
    throw error;
  }
  const master = options.master ?? 'local';
  const where = master === 'local' ? 'an in-process cluster (master=local)' : master;
  console.log(
    `mesos-napi example: ${options.tasks} web server(s) on ${where}, ${lifetime(options)}`,
  );
  stopOnCtrlC(scheduler, driver);
  const status = await driver.run();
  console.log(`framework ${status}`);
  process.removeAllListeners('SIGINT');
  return status === Status.DRIVER_STOPPED ? 0 : 1;
}

/**
 * libmesos logs every step at INFO, in this process's driver and in master=local's master and
 * agent; the example's own lines would drown in it. Errors only, or everything with --verbose.
 */
function libmesosLog(verbose: boolean): void {
  setLogLevel(verbose ? 'info' : 'error');
}

function lifetime(options: ExampleOptions): string {
  return options.lifetimeSeconds ? `${options.lifetimeSeconds}s each` : 'until Ctrl-C';
}

/** Ctrl-C kills the servers and the framework stops once they have ended; a second aborts. */
function stopOnCtrlC(scheduler: HttpServerScheduler, driver: SchedulerDriver): void {
  let interrupted = false;
  process.on('SIGINT', () => {
    if (interrupted) {
      console.log('second Ctrl-C: aborting');
      driver.abort();
      return;
    }
    interrupted = true;
    scheduler.shutdown(driver);
  });
}

/** The same scheduler on mesos-napi/testing's simulated cluster. */
async function simulate(
  scheduler: HttpServerScheduler,
  options: ExampleOptions,
  why: string,
): Promise<number> {
  const howToGetMesos =
    why === '--simulate'
      ? 'without --simulate it runs on the Mesos installed here'
      : 'for a real Mesos, build it from source into /opt/mesos or set MESOS_HOME to its prefix ("Getting Mesos" in the docs), then `npx mesos-napi build`';
  console.log(
    `mesos-napi example: SIMULATED (${why}): mesos-napi/testing's simulated cluster, on virtual time, with scripted tasks (no server really runs); ${howToGetMesos}`,
  );
  console.log(
    `mesos-napi example: ${options.tasks} web server(s) on a simulated cluster, ${lifetime(options)}`,
  );
  const status = await runSimulated(scheduler, options, (driver) => stopOnCtrlC(scheduler, driver));
  console.log(`framework ${status}`);
  process.removeAllListeners('SIGINT');
  return status === Status.DRIVER_STOPPED ? 0 : 1;
}

/**
 * --ha: one of several processes; the elected one runs the framework, the others stand by
 * and take over (same framework id, tasks kept) when it goes.
 */
async function runHighlyAvailable(
  scheduler: HttpServerScheduler,
  options: ExampleOptions,
  zk: string,
): Promise<number> {
  const ha = new HighlyAvailableScheduler(scheduler, {
    zk,
    master: options.master ?? 'local',
    framework: { user: '', name: FRAMEWORK_NAME, failoverTimeout: 300 },
    ...(options.sessionTimeout ? { sessionTimeout: options.sessionTimeout } : {}),
  });
  console.log(
    `mesos-napi example: ${options.tasks} web server(s) on ${options.master}, ${lifetime(options)}`,
  );
  console.log(`contending for leadership at ${zk}`);
  ha.election.on('leader', (leader) =>
    console.log(
      leader ? `leader: ${leader.info}${leader.self ? ' (this process)' : ''}` : 'no leader',
    ),
  );
  let reconciledOnce = false;
  ha.on('elected', () => {
    reconciledOnce = false;
    console.log('elected: starting the framework');
  });
  ha.on('registered', (id, failover) =>
    console.log(`${failover ? 'failed over to' : 'registered'} framework ${id.value}`),
  );
  ha.on('reconciled', (statuses) => {
    // Later rounds cover agents as their first offers come: say the first only.
    if (!reconciledOnce) console.log(`reconciled: the master knows ${statuses.length} task(s)`);
    reconciledOnce = true;
  });
  ha.on('lost', (loss) => console.log(`leadership lost (${loss.reason}): standing by`));
  ha.on('removed', (id) => console.log(`framework ${id.value} was removed: registering afresh`));
  process.on('SIGINT', () => {
    const driver = ha.driver;
    // The leader kills its servers and ends the framework; one standing by just leaves.
    if (driver) scheduler.shutdown(driver);
    else void ha.stop();
  });
  await ha.run();
  console.log('framework done');
  process.removeAllListeners('SIGINT');
  return 0;
}

function start(argv: string[]): void {
  let options;
  try {
    options = parseOptions(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(`mesos-napi example: ${error.message}\n\n${USAGE}`);
    process.exitCode = 2;
    return;
  }
  if (!options) {
    console.log(USAGE);
    return;
  }
  const verbose = options.verbose;
  main(options).then(
    (code) => (process.exitCode = code),
    (error: unknown) => {
      console.error(describeError(error, verbose));
      process.exitCode = 1;
    },
  );
}

start(process.argv.slice(2));
