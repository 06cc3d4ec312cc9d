import type { CallbackResult } from '../driver/callback-result';
import type {
  ExecutorID,
  FrameworkID,
  MasterInfo,
  Offer,
  OfferID,
  SlaveID,
  TaskStatus,
} from '../messages/message-types';
import type { SchedulerDriver } from './scheduler-driver';

/**
 * org.apache.mesos.Scheduler. Every callback is optional (a missing one does nothing),
 * may be async (the next event waits for it), and aborts the driver when it throws or
 * rejects; join()/run() then reject with that error.
 */
export interface Scheduler {
  /**
   * The scheduler registered with a master for the first time (or, after the master failed
   * over, with the new master; libmesos calls this, not reregistered, then). `frameworkId`
   * is the id to keep for failover (`FrameworkInfo.id`).
   */
  registered?(
    driver: SchedulerDriver,
    frameworkId: FrameworkID,
    masterInfo: MasterInfo,
  ): CallbackResult;
  /** The scheduler re-registered with a newly elected master. */
  reregistered?(driver: SchedulerDriver, masterInfo: MasterInfo): CallbackResult;
  /**
   * The scheduler lost its master (it failed, or the connection broke); libmesos keeps
   * trying. Calls made meanwhile are dropped by libmesos (a launch ends as TASK_LOST).
   */
  disconnected?(driver: SchedulerDriver): CallbackResult;
  /**
   * Resources offered to this framework. Launch on them (`launchTasks`, `acceptOffers`)
   * or `declineOffer` each: an offer neither used nor declined stays with the framework until
   * the master rescinds it.
   */
  resourceOffers?(driver: SchedulerDriver, offers: Offer[]): CallbackResult;
  /** An offer is no longer valid (used elsewhere, timed out, its agent lost); launches on it fail. */
  offerRescinded?(driver: SchedulerDriver, offerId: OfferID): CallbackResult;
  /**
   * A task's state changed (or a reconciliation answer). With implicit acknowledgements (the
   * default) libmesos acknowledges the update once this returns, or once its promise
   * settles; a throw aborts the driver instead, so Mesos sends the update again.
   */
  statusUpdate?(driver: SchedulerDriver, status: TaskStatus): CallbackResult;
  /** A message an executor sent with `ExecutorDriver.sendFrameworkMessage` (best effort). */
  frameworkMessage?(
    driver: SchedulerDriver,
    executorId: ExecutorID,
    slaveId: SlaveID,
    data: Uint8Array,
  ): CallbackResult;
  /** An agent was lost; its tasks' updates (TASK_LOST or TASK_UNREACHABLE) come separately. */
  slaveLost?(driver: SchedulerDriver, slaveId: SlaveID): CallbackResult;
  /** An executor ended or was lost; `status` is its exit status as the agent saw it. */
  executorLost?(
    driver: SchedulerDriver,
    executorId: ExecutorID,
    slaveId: SlaveID,
    status: number,
  ): CallbackResult;
  /**
   * An unrecoverable error (authentication refused, the framework removed, a bad flag):
   * libmesos has already aborted the driver when this is called.
   */
  error?(driver: SchedulerDriver, message: string): CallbackResult;
}
