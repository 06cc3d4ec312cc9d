import { randomUUID } from 'crypto';
import {
  commandInfo,
  containerInfo,
  executorInfo,
  healthCheck,
  killPolicy,
  taskInfo,
  type HealthCheckTarget,
} from '../../helpers';
import type {
  CommandInfo,
  ContainerInfo,
  HealthCheck,
  Input,
  SlaveID,
  TaskInfo,
} from '../../messages';
import type { PodContainer, PodDefinition, PodHealthCheck } from '../definition/types';
import type { InstanceResources } from './take';

/** What a task of an instance is launched with. */
export interface TaskPlan {
  service: string;
  pod: PodDefinition;
  instanceId: string;
  version: number;
  launch: number;
  agentId: SlaveID;
  hostname: string;
  resources: InstanceResources;
}

/** A fresh task id for the instance's n-th launch: `<service>.<instance>.<n>-<random>`. */
export function instanceTaskId(service: string, instanceId: string, launch: number): string {
  return `${service}.${instanceId}.${launch}-${randomUUID().slice(0, 8)}`;
}

/** The TaskInfo of one launch of an instance, built with the helpers' builders. */
export function buildTask(plan: TaskPlan, taskId: string): Input<TaskInfo> {
  const { pod, resources } = plan;
  const environment: Record<string, string> = {
    ...pod.environment,
    HOST: plan.hostname,
    PORTS: resources.ports.join(','),
    SERVICE_NAME: plan.service,
    SERVICE_POD: pod.name,
    SERVICE_INSTANCE: plan.instanceId,
  };
  resources.ports.forEach((port, i) => (environment[`PORT${i}`] = String(port)));
  const labels = {
    ...pod.labels,
    'mesos-napi.service': plan.service,
    'mesos-napi.instance': plan.instanceId,
    'mesos-napi.version': String(plan.version),
  };
  const common = {
    name: `${plan.service}.${plan.instanceId}`,
    taskId: { value: taskId },
    agentId: plan.agentId,
    resources: resources.task,
    labels,
    ...(pod.healthCheck ? { healthCheck: podHealthCheck(pod.healthCheck, resources.ports) } : {}),
    ...(pod.killPolicy ? { killPolicy: killPolicy(pod.killPolicy.gracePeriodSeconds) } : {}),
  };
  if (pod.executor) {
    return taskInfo({
      ...common,
      executor: executorInfo({
        executorId: { value: taskId },
        name: `${plan.service}.${plan.instanceId} executor`,
        command: withUris(commandInfo(pod.executor.command, environment), pod),
        resources: resources.executor,
      }),
    });
  }
  const command =
    pod.command !== undefined
      ? commandInfo(pod.command, environment)
      : imageEntrypoint(environment);
  return taskInfo({
    ...common,
    command: withUris(command, pod),
    ...(pod.container ? { container: podContainer(pod.container, resources.ports) } : {}),
  });
}

/** No command: the image's entrypoint runs (shell false, no value), with the environment. */
function imageEntrypoint(environment: Record<string, string>): Input<CommandInfo> {
  const variables = Object.entries(environment).map(([name, value]) => ({ name, value }));
  return { shell: false, environment: { variables } };
}

function podContainer(container: PodContainer, ports: number[]): Input<ContainerInfo> {
  if (container.type === 'MESOS') return containerInfo(container);
  const { portMappings, ...rest } = container;
  return containerInfo({
    ...rest,
    ...(portMappings
      ? { portMappings: portMappings.map((m, i) => ({ ...m, hostPort: ports[i] })) }
      : {}),
  });
}

function withUris(command: Input<CommandInfo>, pod: PodDefinition): Input<CommandInfo> {
  if (!pod.uris || pod.uris.length === 0) return command;
  return {
    ...command,
    uris: pod.uris.map((uri) => (typeof uri === 'string' ? { value: uri } : uri)),
  };
}

function podHealthCheck(check: PodHealthCheck, ports: number[]): Input<HealthCheck> {
  const { delaySeconds, intervalSeconds, timeoutSeconds, consecutiveFailures, gracePeriodSeconds } =
    check;
  const timing = Object.fromEntries(
    Object.entries({
      delaySeconds,
      intervalSeconds,
      timeoutSeconds,
      consecutiveFailures,
      gracePeriodSeconds,
    }).filter(([, value]) => value !== undefined),
  );
  let target: HealthCheckTarget;
  if ('command' in check) target = { command: check.command };
  else if ('http' in check) {
    const { portIndex, port, ...rest } = check.http;
    target = { http: { ...rest, port: port ?? ports[portIndex!] } };
  } else {
    const { portIndex, port } = check.tcp;
    target = { tcp: { port: port ?? ports[portIndex!] } };
  }
  return healthCheck(target, timing);
}
