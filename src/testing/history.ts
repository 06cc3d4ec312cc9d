import type { Filters, TaskInfo, TaskState, TaskStatus } from '../messages/types.generated';
import { Status, toStatus } from '../status';

/** A driver call, in the order made: decoded arguments, and the status it returned. */
export interface RecordedCall {
  /** Virtual milliseconds since the simulation started. */
  at: number;
  /** The driver method called, e.g. launchTasks. */
  method: string;
  /** Its arguments, decoded as the scheduler passed them. */
  args: unknown[];
  /** The status the call returned. */
  status: Status;
}

/** A callback delivered to a scheduler, in order, with its decoded arguments. */
export interface RecordedEvent {
  /** Virtual milliseconds since the simulation started. */
  at: number;
  /** The Scheduler callback, e.g. resourceOffers. */
  event: string;
  /** Its arguments after the driver, decoded. */
  args: unknown[];
}

/** A task the scheduler asked to launch (launchTasks or a LAUNCH in acceptOffers). */
export interface LaunchRecord {
  /** Virtual milliseconds since the simulation started. */
  at: number;
  /** The offers the launch used. */
  offerIds: string[];
  /** The task as the scheduler gave it. */
  task: TaskInfo;
}

/** A declined offer and the filter the scheduler gave (refuseSeconds as Mesos takes it). */
export interface DeclineRecord {
  /** Virtual milliseconds since the simulation started. */
  at: number;
  /** The declined offer. */
  offerId: string;
  /** The filters given with the decline (empty when none). */
  filters: Filters;
  /** The refusal in seconds: filters.refuseSeconds, or Mesos's default of 5. */
  refuseSeconds: number;
}

/** What the simulated cluster saw, for assertions. */
export class History {
  readonly calls: RecordedCall[] = [];
  readonly events: RecordedEvent[] = [];
  readonly launched: LaunchRecord[] = [];
  readonly declined: DeclineRecord[] = [];

  constructor(private readonly now: () => number) {}

  call(method: string, args: unknown[], status: number): void {
    this.calls.push({ at: this.now(), method, args, status: toStatus(status) });
  }
  event(event: string, args: unknown[]): void {
    this.events.push({ at: this.now(), event, args });
  }
  launch(offerIds: string[], tasks: TaskInfo[]): void {
    for (const task of tasks) this.launched.push({ at: this.now(), offerIds, task });
  }
  decline(offerId: string, filters: Filters): void {
    this.declined.push({
      at: this.now(),
      offerId,
      filters,
      refuseSeconds: filters.refuseSeconds ?? 5,
    });
  }

  /** Every status update delivered, in order. */
  statuses(): TaskStatus[] {
    return this.events
      .filter((e) => e.event === 'statusUpdate')
      .map((e) => e.args[0] as TaskStatus);
  }

  /** The states delivered for one task, in order. */
  statesOf(taskId: string): TaskState[] {
    return this.statuses()
      .filter((s) => s.taskId.value === taskId)
      .map((s) => s.state);
  }
}
