// The v1 HTTP API of Mesos (mesos.v1, mesos.v1.scheduler, mesos.v1.executor), exported from
// the package as the `v1` namespace.
export type * from './messages';
export { V1Mesos } from './scheduler/v1-mesos';
export type { V1MesosOptions } from './scheduler/v1-mesos';
export type { Mesos, CallResult } from './scheduler/mesos';
export type { Scheduler } from './scheduler/scheduler';
export { V0Mesos } from './scheduler/v0-mesos';
export type { V0MesosOptions } from './scheduler/v0-mesos';
export { V1ExecutorMesos } from './executor/v1-executor-mesos';
export type { V1ExecutorMesosOptions } from './executor/v1-executor-mesos';
export type { ExecutorMesos } from './executor/executor-mesos';
export type { Executor } from './executor/executor';
export { checkV1ExecutorEnvironment } from './executor/executor-environment';
export { newUuid } from './uuid';
