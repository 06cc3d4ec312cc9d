/**
 * mesos-napi/services: declare what should run (a service of pods) and a scheduler keeps it
 * running: instances, restarts with backoff, placement constraints, health, rolling
 * updates, and a record in a State that another scheduler resumes from.
 */
export { ServiceScheduler, type ServiceSchedulerOptions } from './scheduler/service-scheduler';
export { parseServiceDefinition } from './definition/parse';
export type {
  ServiceDefinition,
  PodDefinition,
  PodResources,
  PodExecutor,
  PodContainer,
  PodUri,
  PodVolume,
  PodHealthCheck,
  RestartPolicy,
  Constraint,
  ConstraintOperator,
  UpgradeStrategy,
} from './definition/types';
export {
  ServiceStateConflictError,
  ServiceNotFoundError,
  ServiceActionRefusedError,
  ServiceNotReadyError,
} from './errors';
export { ServiceHttpServer } from './http/server';
export type { ServiceHttpOptions, MetricsRegistry } from './http/options';
export type { ElectionView } from './http/leader';
export type { ServiceClock } from './clock';
export type { ServiceEvent } from './events';
export type { ServiceStatus, PodStatus, InstanceStatus } from './status';
export type { DeploymentRecord, ServiceSnapshot } from './model/snapshot';
export type { InstanceRecord, InstanceHistoryEntry, InstanceTask } from './model/instance';
export type { Place } from './placement/constraints';
export { RESTART_DEFAULTS, launchDelaySeconds } from './restart/backoff';
export { UPGRADE_DEFAULTS } from './deployment/converge';
