export {
  scalar,
  ranges,
  set,
  addResources,
  subtractResources,
  containsResources,
  equalResources,
  scalarTotal,
  type ResourceOptions,
} from './resources';
export { takeResources, type ResourceNeeds, type Taken } from './take';
export { roleOf, type ResourceLike } from './resource-kind';
export { commandInfo, executorInfo, taskInfo, filters, labels } from './builders';
export type {
  TaskInfoFields,
  TaskInfoCommonFields,
  TaskAgentField,
  ExecutorInfoFields,
} from './builders';
export { TERMINAL_STATES, isTerminal, isSuccess } from './task-state';
export { taskId, offerId, executorId, frameworkId, agentId, newTaskId } from './ids';
export { reserve, unreserve, withReservation, type ReservationFields } from './reservations';
export {
  persistentVolume,
  createVolume,
  destroyVolume,
  volumeDisk,
  type VolumeFields,
} from './volumes';
export { launch, launchGroup } from './launch';
export { healthCheck, killPolicy, type HealthCheckTarget, type HealthCheckTiming } from './health';
export { containerInfo, type ContainerFields, type PortMapping } from './container';
