import type { FrameworkID, Input, Offer, OfferID, TaskInfo, TaskStatus } from '../../src/messages';
import { commandInfo, scalar, taskInfo } from '../../src/helpers';
import type { Scheduler } from '../../src/scheduler/scheduler';
import type { SchedulerDriver } from '../../src/scheduler/scheduler-driver';
import { eventually } from './cluster';

/** A Scheduler that records what it sees; offers are declined unless onOffers is set. */
export class Recorder implements Scheduler {
  frameworkId: FrameworkID | undefined;
  readonly offers: { at: number; offer: Offer }[] = [];
  readonly statuses: TaskStatus[] = [];
  readonly events: string[] = [];
  readonly rescinded: OfferID[] = [];
  onOffers: ((driver: SchedulerDriver, offers: Offer[]) => void) | undefined;
  onStatus: ((driver: SchedulerDriver, status: TaskStatus) => void) | undefined;

  registered(_d: SchedulerDriver, frameworkId: FrameworkID): void {
    this.frameworkId = frameworkId;
    this.events.push('registered');
  }
  reregistered(): void {
    this.events.push('reregistered');
  }
  disconnected(): void {
    this.events.push('disconnected');
  }
  resourceOffers(driver: SchedulerDriver, offers: Offer[]): void {
    const at = Date.now();
    for (const offer of offers) this.offers.push({ at, offer });
    if (this.onOffers) this.onOffers(driver, offers);
    else for (const offer of offers) driver.declineOffer(offer.id);
  }
  offerRescinded(_d: SchedulerDriver, offerId: OfferID): void {
    this.rescinded.push(offerId);
    this.events.push('offerRescinded');
  }
  statusUpdate(driver: SchedulerDriver, status: TaskStatus): void {
    this.statuses.push(status);
    this.onStatus?.(driver, status);
  }
  slaveLost(): void {
    this.events.push('slaveLost');
  }
  executorLost(): void {
    this.events.push('executorLost');
  }
  error(_d: SchedulerDriver, message: string): void {
    this.events.push(`error: ${message}`);
  }

  statesOf(taskId: string): string[] {
    return this.statuses.filter((s) => s.taskId.value === taskId).map((s) => s.state);
  }

  until(what: string, predicate: () => boolean, timeoutMs?: number): Promise<void> {
    return eventually(what, predicate, timeoutMs);
  }
}

/** Launches makeTask(offer) on the first offer; later offers are declined. */
export function launchOnce(recorder: Recorder, makeTask: (offer: Offer) => Input<TaskInfo>): void {
  let launched = false;
  recorder.onOffers = (driver, offers) => {
    for (const offer of offers) {
      if (launched) driver.declineOffer(offer.id);
      else {
        launched = true;
        driver.launchTasks(offer.id, [makeTask(offer)]);
      }
    }
  };
}

/** launchOnce of a command task with 0.1 cpus and 16 MB of memory. */
export function launchCommandOnce(
  recorder: Recorder,
  name: string,
  taskId: string,
  command: string,
): void {
  launchOnce(recorder, (offer) =>
    taskInfo({
      name,
      taskId: { value: taskId },
      agentId: offer.slaveId,
      resources: [scalar('cpus', 0.1), scalar('mem', 16)],
      command: commandInfo(command),
    }),
  );
}
