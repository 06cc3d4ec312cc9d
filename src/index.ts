// The declarations use Node's types (NodeJS.ProcessEnv, ChildProcess): reference them, so a
// consumer compiling with `types: []` and `skipLibCheck: false` still resolves them.
/// <reference types="node" preserve="true" />
export { MesosSchedulerDriver } from './scheduler/scheduler-driver';
export type { SchedulerDriver, SchedulerDriverOptions } from './scheduler/scheduler-driver';
export { MesosExecutorDriver, stopAfter } from './executor/executor-driver';
export type { ExecutorDriver, ExecutorDriverOptions } from './executor/executor-driver';
export type { Scheduler } from './scheduler/scheduler';
export type { Executor } from './executor/executor';
export type { CallbackResult } from './driver/callback-result';
export { Status } from './status';
export {
  MesosNapiError,
  InvalidArgumentError,
  ExecutorEnvironmentError,
  EnvironmentFlagError,
  LocalClusterBusyError,
  AddonNotFoundError,
  LeaderElectionError,
  ZooKeeperClientLimitError,
  OperationFailedError,
  WriterFailedError,
  OperationTimeoutError,
  NotSubscribedError,
  CallFailedError,
  LocalClusterError,
} from './errors';
export { version, MesosVersion } from './version';
export {
  Variable,
  AbstractState,
  InMemoryState,
  LevelDBState,
  ZooKeeperState,
  LogState,
} from './state';
export { Log, LogReader, LogWriter, Position, Entry } from './log';
export type { LogOptions } from './log';
export type { State, ZooKeeperAuthentication } from './state';

export { checkExecutorEnvironment, REQUIRED_EXECUTOR_VARIABLES } from './executor/executor-env';
export { executorCommand } from './executor/executor-command';
export type { ExecutorCommandOptions } from './executor/executor-command';
export { validateMaster } from './scheduler/master';
export { prepareLocalMaster, LOCAL_MASTER_DEFAULTS } from './scheduler/local-master';
export type { LocalMasterEnvironment } from './scheduler/local-master';
export { encodeMessage, decodeMessage, schemaSource } from './messages';
export { messageReplacer, messageToJson } from './messages/json';
export { messageFromJson } from './messages/from-json';
export type * from './messages';
/** The v1 API: the mesos.v1 messages, V1Mesos and V0Mesos (schedulers), V1ExecutorMesos (executors); see docs/v1-api.md. */
export * as v1 from './v1';
export { findMesos, describeDiscovery } from './discovery';
export type {
  MesosInstall,
  Discovery,
  DiscoveryOptions,
  DiscoveryRule,
  ProtobufCheck,
  Rejection,
} from './discovery';
export { startLocalCluster } from './cluster';
export type { ExtraAgentOptions, LocalCluster, LocalClusterOptions } from './cluster';
export * from './helpers';
export * from './ha';
export { setLogger, setLogLevel } from './logging';
export { registerPrometheusMetrics } from './metrics/prometheus';
export type { MetricsSnapshot, MetricsSource } from './metrics/snapshot';
export type { HistogramSnapshot } from './metrics/histogram';
export type { PrometheusOptions, PrometheusRegistry, MetricsProvider } from './metrics/prometheus';
export type {
  Logger,
  LevelLogger,
  LogFields,
  LogRecord,
  LogLevel,
  LogSeverity,
  LoggingOptions,
} from './logging';
