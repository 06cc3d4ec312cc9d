import type { Offer, TaskStatus } from '../messages/message-types';
import type { SchedulerDriver } from '../scheduler/scheduler-driver';

/**
 * Keeps a newly elected scheduler from launching before it knows what runs. Offers from an
 * agent are held back (declined) until an implicit reconciliation (every task the master
 * knows) that started after that agent's first offer has ended, that is, gone
 * `quietMs` without an update. The master offers an agent's resources only once the agent
 * has registered, and then knows its tasks: so a reconciliation begun after its first offer
 * reports every task on it, even when the master itself has just failed over and the
 * agent re-registered late. After a round, offers are revived.
 */
export class Reconciler {
  private readonly covered = new Set<string>();
  private readonly waiting = new Set<string>();
  private round: { agents: Set<string>; statuses: TaskStatus[]; timer: NodeJS.Timeout } | undefined;
  private stopped = false;

  constructor(
    private readonly driver: SchedulerDriver,
    private readonly quietMs: number,
    private readonly onRound: (statuses: TaskStatus[]) => void,
  ) {}

  /** (Re)registered: the master may know other tasks now; start over. */
  restart(): void {
    this.covered.clear();
    this.waiting.clear();
    this.begin();
  }

  /** The offers the scheduler may use now; declines the others. */
  filter(offers: Offer[]): Offer[] {
    const usable: Offer[] = [];
    for (const offer of offers) {
      const agent = offer.slaveId.value;
      if (this.covered.has(agent)) {
        usable.push(offer);
        continue;
      }
      this.driver.declineOffer(offer.id);
      this.waiting.add(agent);
    }
    if (this.waiting.size > 0 && !this.round) this.begin();
    return usable;
  }

  /** A status update arrived: part of a round, or not. */
  saw(status: TaskStatus): void {
    if (!this.round) return;
    this.round.statuses.push(status);
    this.arm();
  }

  /** An agent is gone: its next offers wait for a new round. */
  forget(agent: string): void {
    this.covered.delete(agent);
  }

  stop(): void {
    this.stopped = true;
    if (this.round) clearTimeout(this.round.timer);
    this.round = undefined;
  }

  private begin(): void {
    if (this.stopped) return;
    if (this.round) clearTimeout(this.round.timer);
    const agents = new Set(this.waiting);
    this.waiting.clear();
    this.round = { agents, statuses: [], timer: setTimeout(() => undefined, 0) };
    this.driver.reconcileTasks([]);
    this.arm();
  }

  private arm(): void {
    const round = this.round!;
    clearTimeout(round.timer);
    round.timer = setTimeout(() => this.end(), this.quietMs);
  }

  private end(): void {
    const round = this.round!;
    this.round = undefined;
    for (const agent of round.agents) this.covered.add(agent);
    this.driver.reviveOffers();
    this.onRound(round.statuses);
    if (this.waiting.size > 0) this.begin();
  }
}
