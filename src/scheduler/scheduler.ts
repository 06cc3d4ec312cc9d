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

type Result = void | Promise<void>;

/**
 * org.apache.mesos.Scheduler. Every callback is optional (a missing one does nothing),
 * may be async (the next event waits for it), and aborts the driver when it throws or
 * rejects; join()/run() then reject with that error.
 */
export interface Scheduler {
  registered?(driver: SchedulerDriver, frameworkId: FrameworkID, masterInfo: MasterInfo): Result;
  reregistered?(driver: SchedulerDriver, masterInfo: MasterInfo): Result;
  disconnected?(driver: SchedulerDriver): Result;
  resourceOffers?(driver: SchedulerDriver, offers: Offer[]): Result;
  offerRescinded?(driver: SchedulerDriver, offerId: OfferID): Result;
  statusUpdate?(driver: SchedulerDriver, status: TaskStatus): Result;
  frameworkMessage?(
    driver: SchedulerDriver,
    executorId: ExecutorID,
    slaveId: SlaveID,
    data: Uint8Array,
  ): Result;
  slaveLost?(driver: SchedulerDriver, slaveId: SlaveID): Result;
  executorLost?(
    driver: SchedulerDriver,
    executorId: ExecutorID,
    slaveId: SlaveID,
    status: number,
  ): Result;
  error?(driver: SchedulerDriver, message: string): Result;
}
