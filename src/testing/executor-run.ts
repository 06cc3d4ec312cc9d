import type { Executor } from '../executor/executor';
import { MesosExecutorDriver } from '../executor/executor-driver';
import { withBinding } from '../native/load';
import type { ExecutorInfo, TaskInfo } from '../messages/types.generated';
import type { AgentExecutor, ExecutorRun, SimAgent } from './agent';
import type { SimMaster } from './master';
import { simulatedBinding } from './sim-binding';
import type { SimExecutorDriver } from './sim-executor-driver';
import type { SimulationHost } from './simulation-host';

/** What the cluster hands to startExecutorRun. */
export interface ExecutorRunHost {
  sim: SimulationHost;
  master: SimMaster;
  recordEvent(executorId: string, event: string, args: unknown[]): void;
  /** The executor's driver ended with a failure (a handler threw): the test fails with it. */
  failed(error: unknown): void;
}

/**
 * Starts the user's Executor for `executor` on `agent`, as the agent would start its
 * process: a real MesosExecutorDriver over the simulated executor driver, started at once;
 * it registers, then gets its tasks.
 */
export function startExecutorRun(
  host: ExecutorRunHost,
  agent: SimAgent,
  executor: AgentExecutor,
  user: Executor,
): ExecutorRun {
  const executorId = executor.info.executorId.value;
  let native: SimExecutorDriver | undefined;
  let registered = false;
  const queued: TaskInfo[] = [];
  const info: ExecutorInfo = { ...executor.info, frameworkId: { value: executor.frameworkId } };
  const binding = simulatedBinding(host.sim, {
    executorInfo: info,
    frameworkInfo: () =>
      host.master.frameworkList().find((f) => f.id === executor.frameworkId)?.info ?? {
        user: '',
        name: '',
        roles: [],
        capabilities: [],
      },
    slaveInfo: () => ({
      hostname: agent.hostname,
      id: { value: agent.id },
      port: 5051,
      resources: agent.total,
      attributes: agent.attributes,
    }),
    started: (driver) => {
      native = driver;
      driver.registered();
      registered = true;
      for (const task of queued.splice(0)) driver.launchTask(task);
    },
    statusUpdate: (status) => {
      const task = agent.task(executor.frameworkId, status.taskId.value);
      if (!task) return;
      agent.update(task, status.state, 'SOURCE_EXECUTOR', {
        reason: status.reason,
        message: status.message,
        healthy: status.healthy,
        data: status.data,
      });
    },
    frameworkMessage: (data) => {
      const framework = host.master.frameworkList().find((f) => f.id === executor.frameworkId);
      if (framework?.link.listening) framework.link.frameworkMessage(executorId, agent.id, data);
    },
    ended: (status) => agent.terminateExecutor(executor, status),
    later: (fn) => host.sim.later(fn),
    track: (result) => host.sim.track(result),
    recordEvent: (event, args) => host.recordEvent(executorId, event, args),
  });
  const environment = {
    MESOS_SLAVE_PID: 'slave(1)@127.0.0.1:5051',
    MESOS_SLAVE_ID: agent.id,
    MESOS_FRAMEWORK_ID: executor.frameworkId,
    MESOS_EXECUTOR_ID: executorId,
    MESOS_DIRECTORY: `/simulated/sandbox/${executorId}`,
  };
  const driver = withBinding(binding, () => new MesosExecutorDriver(user, { environment }));
  driver.start();
  driver.join().catch((error: unknown) => host.failed(error));
  const whenRunning = (fn: (d: SimExecutorDriver) => void) =>
    host.sim.later(() => {
      if (native?.running) fn(native);
    });
  return {
    launch: (task) => {
      if (registered) whenRunning((d) => d.launchTask(task));
      else queued.push(task);
    },
    kill: (taskId) => whenRunning((d) => d.killTask(taskId)),
    frameworkMessage: (data) => whenRunning((d) => d.frameworkMessage(data)),
    shutdown: () => whenRunning((d) => d.shutdown()),
  };
}
