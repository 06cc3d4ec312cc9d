import type * as V1 from '../messages/v1/types.generated';

export type * from '../messages/v1/types.generated';

/** mesos.v1.scheduler.Call: what a v1 scheduler sends to the master. */
export type Call = V1.Scheduler_Call;
/** mesos.v1.scheduler.Event: what the master sends a v1 scheduler. */
export type Event = V1.Scheduler_Event;
/** mesos.v1.scheduler.Response: the body of a 200 OK answer to a call. */
export type Response = V1.Scheduler_Response;
/** mesos.v1.scheduler.Call.Type */
export type CallType = V1.Scheduler_Call_Type;
/** mesos.v1.scheduler.Event.Type */
export type EventType = V1.Scheduler_Event_Type;
/** mesos.v1.executor.Call: what a v1 executor sends to its agent. */
export type ExecutorCall = V1.Executor_Call;
/** mesos.v1.executor.Event: what the agent sends a v1 executor. */
export type ExecutorEvent = V1.Executor_Event;
