import type { FrameworkInfo, Input, SchedulerDriver } from 'mesos-napi';
import {
  ServiceScheduler,
  type ServiceDefinition,
  type PodDefinition,
  type ServiceEvent,
  type ServiceHttpOptions,
} from 'mesos-napi/services';
import { SimulatedCluster, type SimulatedClusterOptions, SimulatedState } from 'mesos-napi/testing';

/** A pod of `instances` command tasks (0.5 cpus, 128 MB). */
export function pod(
  name: string,
  instances: number,
  fields: Partial<PodDefinition> = {},
): PodDefinition {
  return { name, instances, resources: { cpus: 0.5, mem: 128 }, command: 'sleep 1000', ...fields };
}

export function service(...pods: PodDefinition[]): ServiceDefinition {
  return { name: 'shop', pods };
}

/** A ServiceScheduler on the simulated cluster's clock, its driver started. */
export function runService(
  cluster: SimulatedCluster,
  definition: ServiceDefinition,
  options: {
    state?: SimulatedState;
    frameworkId?: string;
    framework?: Partial<Input<FrameworkInfo>>;
    principal?: string;
    http?: ServiceHttpOptions;
  } = {},
) {
  const state = options.state ?? new SimulatedState();
  const scheduler = new ServiceScheduler({
    definition,
    state,
    ...(options.http ? { http: options.http } : {}),
    clock: { now: () => cluster.now, setTimeout: (fn, ms) => cluster.setTimeout(fn, ms) },
    ...(options.principal !== undefined ? { principal: options.principal } : {}),
  });
  const events: ServiceEvent[] = [];
  scheduler.on('event', (event) => events.push(event));
  const driver: SchedulerDriver = cluster.schedulerDriver(scheduler, {
    framework: {
      user: 'tester',
      name: 'services test',
      failoverTimeout: 3600,
      ...(options.frameworkId ? { id: { value: options.frameworkId } } : {}),
      ...options.framework,
    },
  });
  driver.start();
  return { scheduler, driver, state, events };
}

export function cluster(options: SimulatedClusterOptions = {}): SimulatedCluster {
  return new SimulatedCluster(options);
}

/** Agents agent-1 … agent-n with the default resources and the given attributes. */
export function agents(n: number, attributes: (i: number) => Record<string, string> = () => ({})) {
  return Array.from({ length: n }, (_, i) => ({
    hostname: `agent-${i + 1}`,
    attributes: attributes(i),
  }));
}

/** The tasks the master knows that are not ended, by instance label. */
export function liveTasks(
  c: SimulatedCluster,
): { taskId: string; agentId: string; instance: string }[] {
  return c
    .tasks()
    .filter((t) => ['TASK_STAGING', 'TASK_STARTING', 'TASK_RUNNING'].includes(t.state))
    .map((t) => ({
      taskId: t.taskId,
      agentId: t.agentId,
      instance: t.info.labels?.labels.find((l) => l.key === 'mesos-napi.instance')?.value ?? '',
    }));
}
