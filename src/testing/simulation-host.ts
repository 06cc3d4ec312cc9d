import type { Filters, TaskInfo } from '../messages/types.generated';
import type { SimMaster } from './master';

/** What a simulated driver needs from its cluster. */
export interface SimulationHost {
  readonly master: SimMaster;
  /** Runs fn at the current virtual time, after what is already due. */
  later(fn: () => void): void;
  /** Epoch seconds at the current virtual time (status update timestamps). */
  timestamp(): number;
  record(method: string, args: unknown[], status: number): void;
  recordLaunch(offerIds: string[], tasks: TaskInfo[]): void;
  recordDecline(offerId: string, filters: Filters): void;
  recordEvent(event: string, args: unknown[]): void;
  /** What dispatch returned: the simulation waits for it before time moves on. */
  track(result: unknown): unknown;
  unsupported(what: string): void;
}
