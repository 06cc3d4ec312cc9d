/**
 * mesos-napi/testing: a simulated Mesos cluster on a virtual clock, to unit-test schedulers
 * without Mesos (docs/testing.md).
 */
export { SimulatedCluster } from './cluster';
export type {
  SimulatedClusterOptions,
  SimulatedDriverOptions,
  SimulatedTask,
  ExecutorMessage,
} from './cluster';
export type { AgentSpec } from './agent-spec';
export type { Duration } from './duration';
export type { RecordedCall, RecordedEvent, LaunchRecord, DeclineRecord } from './history';
export { runsFor, failsAtOnce, defaultScript } from './task-script';
export { SimulatedState } from './simulated-state';
export type { TaskRule, TaskScript, TaskStep } from './task-script';
