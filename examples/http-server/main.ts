import { HighlyAvailableScheduler, MesosSchedulerDriver, Status } from 'mesos-napi';
import type { ExampleOptions } from './options';
import { parseOptions } from './options';
import { HttpServerScheduler } from './scheduler';

/** npm run example -- [--tasks N] [--lifetime SECONDS] [--master MASTER] [--ha ZK_URL] */
async function main(): Promise<number> {
  let options;
  try {
    options = parseOptions(process.argv.slice(2));
  } catch (error) {
    console.error((error as Error).message);
    return 2;
  }
  // Mesos's own logging would drown the progress lines; set these to see it again.
  process.env.MESOS_QUIET ??= 'true';
  process.env.GLOG_minloglevel ??= '2';
  const where =
    options.master === 'local' ? 'an in-process cluster (master=local)' : options.master;
  const lifetime = options.lifetimeSeconds ? `${options.lifetimeSeconds}s each` : 'until Ctrl-C';
  console.log(`mesos-napi example: ${options.tasks} web server(s) on ${where}, ${lifetime}`);
  const scheduler = new HttpServerScheduler(options.tasks, options.lifetimeSeconds);
  if (options.ha) return runHighlyAvailable(scheduler, options, options.ha);
  const driver = new MesosSchedulerDriver(scheduler, {
    framework: { user: '', name: 'mesos-napi http-server example' },
    master: options.master,
  });
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
  const status = await driver.run();
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
    master: options.master,
    framework: { user: '', name: 'mesos-napi http-server example', failoverTimeout: 300 },
    ...(options.sessionTimeout ? { sessionTimeout: options.sessionTimeout } : {}),
  });
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

main().then(
  (code) => (process.exitCode = code),
  (error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  },
);
