import type { SchedulerDriver, Status } from 'mesos-napi';
import { runsFor, SimulatedCluster } from 'mesos-napi/testing';
import type { HttpServerScheduler } from './scheduler';

/** One task per agent cpu, less the executor's share: 3 servers fit an agent of 4 cpus. */
const SERVERS_PER_AGENT = 3;

/** Virtual time moves this much per step, and (at the wall clock's pace) this often. */
const STEP_MS = 100;

/**
 * Runs the example's scheduler on mesos-napi/testing's simulated cluster: a master and
 * enough agents (4 cpus each) on a virtual clock, moved at the wall clock's pace so the run
 * looks and stops (Ctrl-C) as a real one; tasks are scripted (TASK_RUNNING, then
 * TASK_FINISHED after their lifetime), nothing is started. Resolves with the driver's status.
 */
export async function runSimulated(
  scheduler: HttpServerScheduler,
  options: { tasks: number; lifetimeSeconds: number | undefined },
  onStart: (driver: SchedulerDriver) => void,
): Promise<Status> {
  const agents = Math.ceil(options.tasks / SERVERS_PER_AGENT);
  const cluster = new SimulatedCluster({
    agents: Array.from({ length: agents }, (_, i) => ({ hostname: `simulated-agent-${i + 1}` })),
  });
  const lifetime = options.lifetimeSeconds;
  if (lifetime !== undefined) {
    cluster.onLaunch(
      runsFor(lifetime * 1000, 'TASK_FINISHED', { message: `served for ${lifetime}s` }),
    );
  }
  const driver = cluster.schedulerDriver(scheduler, {
    framework: { user: '', name: 'mesos-napi http-server example (simulated)' },
  });
  const run = { over: false };
  const ended = driver.run().finally(() => (run.over = true));
  onStart(driver);
  while (!run.over) {
    await cluster.advance(STEP_MS);
    if (!run.over) await new Promise((resolve) => setTimeout(resolve, STEP_MS));
  }
  return ended;
}
