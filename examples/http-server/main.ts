import { MesosSchedulerDriver, Status } from 'mesos-napi';
import { parseOptions } from './options';
import { HttpServerScheduler } from './scheduler';

/** npm run example -- [--tasks N] [--lifetime SECONDS] [--master MASTER] */
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

main().then(
  (code) => (process.exitCode = code),
  (error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  },
);
