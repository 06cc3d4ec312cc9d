import type {
  ExecutorInfo,
  FrameworkInfo,
  SlaveInfo,
  TaskID,
  TaskInfo,
} from '../messages/message-types';
import type { ExecutorDriver } from './executor-driver';

type Result = void | Promise<void>;

/** org.apache.mesos.Executor; callbacks optional, may be async; a throw aborts the driver. */
export interface Executor {
  registered?(
    driver: ExecutorDriver,
    executorInfo: ExecutorInfo,
    frameworkInfo: FrameworkInfo,
    slaveInfo: SlaveInfo,
  ): Result;
  reregistered?(driver: ExecutorDriver, slaveInfo: SlaveInfo): Result;
  disconnected?(driver: ExecutorDriver): Result;
  launchTask?(driver: ExecutorDriver, task: TaskInfo): Result;
  killTask?(driver: ExecutorDriver, taskId: TaskID): Result;
  frameworkMessage?(driver: ExecutorDriver, data: Uint8Array): Result;
  shutdown?(driver: ExecutorDriver): Result;
  error?(driver: ExecutorDriver, message: string): Result;
}
