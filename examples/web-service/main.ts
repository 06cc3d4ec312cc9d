import * as readline from 'readline';
import { InMemoryState, MesosSchedulerDriver, Status, ZooKeeperState } from 'mesos-napi';
import type { SchedulerDriver, State } from 'mesos-napi';
import { ServiceScheduler, type ServiceClock, type ServiceHttpOptions } from 'mesos-napi/services';
import { SimulatedCluster, SimulatedState } from 'mesos-napi/testing';
import { COMMANDS, describe, runCommand } from './commands';
import { webService } from './definition';

const USAGE = `usage: node build/examples/web-service/main.js (--master host:port|zk://... [--state zk-host:port/path] | --simulate) [--http [HOST:]PORT]

  --master MASTER   the Mesos master (its agents need node on the PATH)
  --state ZK        keep the service's record in ZooKeeper (host:port/path), so that a
                    restarted scheduler carries on; default: in this process's memory
  --simulate        run on mesos-napi/testing's simulated cluster of 3 agents instead
                    (no Mesos needed; time runs 10 times faster)
  --http ADDRESS    serve the service's page and API there (default 127.0.0.1:8080;
                    port 0: any free port); the Mesos UI links to it

${COMMANDS}`;

interface Run {
  service: ServiceScheduler;
  driver: SchedulerDriver;
  /** Stops whatever runs besides the driver. */
  close(): void;
}

async function onMesos(master: string, state: State, http: ServiceHttpOptions): Promise<Run> {
  const service = new ServiceScheduler({ definition: webService('v1'), state, http });
  await service.ready();
  const driver = new MesosSchedulerDriver(service, {
    master,
    // With webuiUrl: the page's address, linked from the Mesos UI.
    framework: service.frameworkInfo({ user: '', name: 'mesos-napi web-service example' }),
  });
  return { service, driver, close: () => service.close() };
}

async function onSimulator(http: ServiceHttpOptions): Promise<Run> {
  const cluster = new SimulatedCluster({
    agents: [{ hostname: 'agent-1' }, { hostname: 'agent-2' }, { hostname: 'agent-3' }],
  });
  // Servers become healthy 3 s after they start.
  cluster.onLaunch(() => ({
    steps: [
      { state: 'TASK_STARTING' },
      { state: 'TASK_RUNNING' },
      { after: '3s', state: 'TASK_RUNNING', healthy: true },
    ],
  }));
  const clock: ServiceClock = {
    now: () => cluster.now,
    setTimeout: (fn, ms) => cluster.setTimeout(fn, ms),
  };
  const service = new ServiceScheduler({
    definition: webService('v1'),
    state: new SimulatedState(),
    clock,
    http,
  });
  await service.ready();
  const driver = cluster.schedulerDriver(service, {
    framework: service.frameworkInfo({ user: 'example', name: 'web-service example (simulated)' }),
  });
  let advancing = Promise.resolve();
  const timer = setInterval(() => {
    advancing = advancing.then(() => cluster.advance('1s'));
  }, 100);
  return {
    service,
    driver,
    close: () => {
      clearInterval(timer);
      service.close();
    },
  };
}

/** `--http [HOST:]PORT` at the end of the arguments (default 127.0.0.1:8080). */
function httpOption(argv: string[]): { argv: string[]; http: ServiceHttpOptions } {
  const at = argv.indexOf('--http');
  if (at < 0) return { argv, http: { port: 8080 } };
  const match = /^(?:(.+):)?(\d+)$/.exec(argv[at + 1] ?? '');
  if (!match || at + 2 !== argv.length) throw new Error(`--http: expected [HOST:]PORT\n\n${USAGE}`);
  const http = { port: Number(match[2]), ...(match[1] ? { host: match[1] } : {}) };
  return { argv: argv.slice(0, at), http };
}

function parse(args: string[]): Promise<Run> {
  const { argv, http } = httpOption(args);
  if (argv[0] === '--simulate' && argv.length === 1) return onSimulator(http);
  if (argv[0] === '--master' && argv[1] && (argv.length === 2 || argv[2] === '--state')) {
    if (argv.length === 2) return onMesos(argv[1], new InMemoryState(), http);
    const match = /^([^/]+)(\/.+)$/.exec(argv[3] ?? '');
    if (!match) throw new Error(`--state: expected host:port/path\n\n${USAGE}`);
    return onMesos(argv[1], new ZooKeeperState(match[1], 10000, match[2]), http);
  }
  throw new Error(USAGE);
}

async function main(): Promise<number> {
  process.env.MESOS_QUIET ??= 'true';
  process.env.GLOG_minloglevel ??= '2';
  let run: Run;
  try {
    run = await parse(process.argv.slice(2));
  } catch (error) {
    console.error((error as Error).message);
    return 2;
  }
  const { service, driver } = run;
  service.on('event', (event) => {
    if (event.type === 'instance-launched')
      console.log(`launched ${event.instance} on ${event.hostname}`);
    else if (event.type === 'instance-healthy') console.log(`${event.instance} is healthy`);
    else if (event.type === 'instance-ended')
      console.log(`${event.instance} ended: ${event.state}`);
    else if (event.type === 'instance-restart-delayed') {
      console.log(`${event.instance} restarts in ${event.delaySeconds.toFixed(1)} s`);
    } else if (event.type === 'deployment-step') {
      console.log(
        `update ${event.deployment}: started ${event.started.join(', ') || 'none'}, removing ${event.removed.join(', ') || 'none'}`,
      );
    } else if (event.type === 'deployment-succeeded' || event.type === 'deployment-failed') {
      console.log(
        `update ${event.deployment}: ${event.type === 'deployment-failed' ? `failed: ${event.reason}` : 'done'}`,
      );
    }
  });
  console.log(`running 3 web servers, one per host; the page: ${service.webuiUrl}\n${COMMANDS}`);
  const input = readline.createInterface({ input: process.stdin });
  input.on('line', (line) => {
    if (line.trim() === '') return;
    if (line.trim() === 'quit') {
      input.close();
      return;
    }
    runCommand(service, line).then(
      (answer) => console.log(answer),
      (error: Error) => console.log(error.message),
    );
  });
  input.on('close', () => {
    console.log(describe(service));
    driver.stop();
  });
  const status = await driver.run();
  run.close();
  input.close();
  console.log(`framework ${status}`);
  return status === Status.DRIVER_STOPPED ? 0 : 1;
}

main().then(
  (code) => (process.exitCode = code),
  (error) => {
    console.error(error);
    process.exitCode = 1;
  },
);
