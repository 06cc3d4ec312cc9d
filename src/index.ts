export { MesosSchedulerDriver } from './scheduler-driver';
export type { SchedulerDriver, SchedulerDriverOptions } from './scheduler-driver';
export { MesosExecutorDriver, stopAfter } from './executor-driver';
export type { ExecutorDriver, ExecutorDriverOptions } from './executor-driver';
export type { Scheduler } from './scheduler';
export type { Executor } from './executor';
export { Status } from './status';
export {
  MesosNapiError,
  InvalidArgumentError,
  ExecutorEnvironmentError,
  LocalClusterBusyError,
} from './errors';
export { AddonNotFoundError } from './native/addon-error';
export { checkExecutorEnvironment, REQUIRED_EXECUTOR_VARIABLES } from './executor-env';
export { executorCommand } from './executor-command';
export type { ExecutorCommandOptions } from './executor-command';
export { validateMaster } from './master';
export { prepareLocalMaster, LOCAL_MASTER_DEFAULTS } from './local-master';
export { encodeMessage, decodeMessage, schemaSource } from './messages';
export type * from './messages';
export { findMesos, describeDiscovery } from './discovery';
export type { MesosInstall, Discovery } from './discovery';
export { startLocalCluster } from './cluster';
export type { LocalCluster, LocalClusterOptions } from './cluster';
export * from './helpers';
