import type { TaskState } from '../messages';
import type { ServiceEvent } from './events';
import { isHealthy, type InstanceHistoryEntry, type InstanceRecord } from './model/instance';
import { podOf } from './model/pods';
import type { DeploymentRecord, ServiceSnapshot } from './model/snapshot';

/** One instance as status() shows it. */
export interface InstanceStatus {
  /** `<pod>-<n>`. */
  id: string;
  /** The pod it is an instance of. */
  pod: string;
  /** The definition version whose pod it runs. */
  version: number;
  /** run, remove or done (see InstanceRecord.goal). */
  goal: InstanceRecord['goal'];
  /** Its task's latest state; undefined while it has none (waiting to launch, or done). */
  state?: TaskState;
  /** Its current task. */
  taskId?: string;
  /** The agent its task runs on. */
  agentId?: string;
  /** That agent's hostname. */
  hostname?: string;
  /** A resident instance (a pod with volumes): the agent holding its reservation and volumes. */
  residentOn?: string;
  /** The ports its task was given. */
  ports?: number[];
  /** The health check's latest result (undefined: none yet, or no check). */
  healthy?: boolean;
  /** Every launch of this instance. */
  launches: number;
  /** Failures in a row, for the backoff. */
  failures: number;
  /** When it may launch again (the clock's ms), while it waits out a backoff delay. */
  delayUntil?: number;
  /** Why it could not be placed on the last offers, while it waits for one. */
  waitingFor?: string;
  /** How its last task ended. */
  lastEnd?: InstanceHistoryEntry;
  /** Its latest history entries, oldest first. */
  history: InstanceHistoryEntry[];
}

/** A pod, as status() shows it. */
export interface PodStatus {
  /** The pod's name. */
  name: string;
  /** Instances the definition asks for. */
  instances: number;
  /** Instances whose task is TASK_RUNNING. */
  running: number;
  /** Running, and healthy when the pod has a health check. */
  healthy: number;
  /** Its instances. */
  instanceList: InstanceStatus[];
}

/** What ServiceScheduler.status() returns (and issue 29's HTTP API serves). */
export interface ServiceStatus {
  /** The service's name, once its definition is known. */
  name?: string;
  /** The current definition's version. */
  version?: number;
  /** The framework id, once registered. */
  frameworkId?: string;
  /** Registered with a master now. */
  registered: boolean;
  /** Offers are suppressed: nothing waits to launch. */
  suppressed: boolean;
  /** Its pods. */
  pods: PodStatus[];
  /** The latest rolling update (running, or how it ended). */
  deployment?: DeploymentRecord;
  /** The latest events, oldest first. */
  events: ServiceEvent[];
  /** Why the scheduler stopped acting (a State conflict, the master's error). */
  failure?: string;
}

export function serviceStatus(input: {
  snapshot: ServiceSnapshot | undefined;
  registered: boolean;
  suppressed: boolean;
  events: ServiceEvent[];
  placementProblems: Map<string, string>;
  failure?: string;
}): ServiceStatus {
  const { snapshot } = input;
  const base = {
    registered: input.registered,
    suppressed: input.suppressed,
    events: [...input.events],
    ...(input.failure !== undefined ? { failure: input.failure } : {}),
  };
  if (!snapshot) return { ...base, pods: [] };
  const instanceStatus = (instance: InstanceRecord): InstanceStatus => {
    const task = instance.task;
    const lastEnd = [...instance.history].reverse().find((entry) => entry.event === 'ended');
    const waitingFor = input.placementProblems.get(instance.id);
    return {
      id: instance.id,
      pod: instance.pod,
      version: instance.version,
      goal: instance.goal,
      launches: instance.launches,
      failures: instance.failures,
      history: instance.history.map((entry) => ({ ...entry })),
      ...(task
        ? {
            state: task.state,
            taskId: task.taskId,
            agentId: task.agentId,
            hostname: task.place.hostname,
            ports: [...task.ports],
            ...(task.healthy !== undefined ? { healthy: task.healthy } : {}),
          }
        : {}),
      ...(instance.resident ? { residentOn: instance.resident.agentId } : {}),
      ...(instance.delayUntil !== undefined && !task ? { delayUntil: instance.delayUntil } : {}),
      ...(waitingFor !== undefined && !task ? { waitingFor } : {}),
      ...(lastEnd ? { lastEnd: { ...lastEnd } } : {}),
    };
  };
  const podNames = [
    ...snapshot.definition.pods.map((p) => p.name),
    ...snapshot.instances.map((i) => i.pod),
  ].filter((name, i, all) => all.indexOf(name) === i);
  const pods = podNames.map((name): PodStatus => {
    const members = snapshot.instances.filter((i) => i.pod === name);
    return {
      name,
      instances: snapshot.definition.pods.find((p) => p.name === name)?.instances ?? 0,
      running: members.filter((i) => i.task?.state === 'TASK_RUNNING').length,
      healthy: members.filter((i) => isHealthy(i, podOf(snapshot, i)?.healthCheck !== undefined))
        .length,
      instanceList: members.map(instanceStatus),
    };
  });
  return {
    ...base,
    name: snapshot.definition.name,
    version: snapshot.version,
    ...(snapshot.frameworkId !== undefined ? { frameworkId: snapshot.frameworkId } : {}),
    pods,
    ...(snapshot.deployment ? { deployment: { ...snapshot.deployment } } : {}),
  };
}
