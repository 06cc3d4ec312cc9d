import type { ServiceEvent } from '../events';
import type { DeploymentRecord } from '../model/snapshot';
import type { InstanceStatus, ServiceStatus } from '../status';

/** An instance as /v1/instances lists it. */
export function instanceView(i: InstanceStatus) {
  const end = i.lastEnd;
  return {
    id: i.id,
    pod: i.pod,
    version: i.version,
    goal: i.goal,
    state: i.state ?? null,
    taskId: i.taskId ?? null,
    agentId: i.agentId ?? null,
    hostname: i.hostname ?? null,
    ports: i.ports ?? [],
    healthy: i.healthy ?? null,
    launches: i.launches,
    restarts: Math.max(0, i.launches - 1),
    failures: i.failures,
    lastEnd: end ? { at: end.at, state: end.state ?? null, reason: end.reason ?? null } : null,
    lastReason: end ? [end.reason ?? end.state, end.message].filter(Boolean).join(': ') : null,
    waitingFor: i.waitingFor ?? null,
    delayUntil: i.delayUntil ?? null,
  };
}

export const allInstances = (status: ServiceStatus): InstanceStatus[] =>
  status.pods.flatMap((pod) => pod.instanceList);

/** The pods as /v1/pods lists them. */
export function podsView(status: ServiceStatus) {
  return status.pods.map((pod) => ({
    name: pod.name,
    instances: pod.instances,
    running: pod.running,
    healthy: pod.healthy,
    instanceIds: pod.instanceList.map((i) => i.id),
  }));
}

/**
 * The latest update with its progress per pod (instances wanted, of the new version, of
 * them healthy (`checked`: the pods with a health check), old ones left) and its steps
 * (from the recent events).
 */
export function deploymentView(status: ServiceStatus, checked: ReadonlySet<string>) {
  const deployment: DeploymentRecord | undefined = status.deployment;
  if (!deployment) return null;
  const progress = deployment.pods.map((name) => {
    const pod = status.pods.find((p) => p.name === name);
    const members = (pod?.instanceList ?? []).filter((i) => i.goal !== 'remove');
    const fresh = members.filter((i) => i.version === deployment.version);
    return {
      pod: name,
      instances: pod?.instances ?? 0,
      updated: fresh.length,
      updatedHealthy: fresh.filter(
        (i) => i.state === 'TASK_RUNNING' && (!checked.has(name) || i.healthy === true),
      ).length,
      old: members.filter((i) => i.version < deployment.version).length,
    };
  });
  const steps = status.events
    .filter(
      (e): e is Extract<ServiceEvent, { type: 'deployment-step' }> =>
        e.type === 'deployment-step' && e.deployment === deployment.id,
    )
    .map(({ at, pod, started, removed }) => ({ at, pod, started, removed }));
  return { ...deployment, paused: deployment.paused ?? false, progress, steps };
}

/** Everything the page shows, sent on /v1/stream as `status`. */
export function overview(status: ServiceStatus, checked: ReadonlySet<string>) {
  return {
    name: status.name ?? null,
    version: status.version ?? null,
    frameworkId: status.frameworkId ?? null,
    registered: status.registered,
    suppressed: status.suppressed,
    failure: status.failure ?? null,
    pods: podsView(status),
    instances: allInstances(status).map(instanceView),
    deployment: deploymentView(status, checked),
    events: status.events.slice(-20),
  };
}
