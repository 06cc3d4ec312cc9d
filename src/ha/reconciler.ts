import type { Offer, TaskStatus } from '../messages/message-types';
import type { SchedulerDriver } from '../scheduler/scheduler-driver';
import type { OfferSuppression } from './offer-suppression';

/**
 * Keeps a newly elected scheduler from launching before it knows what runs. Offers from an
 * agent are held back (declined) until an implicit reconciliation (every task the master
 * knows) that started after that agent's first offer has ended, that is, gone
 * `quietMs` without an update. The master offers an agent's resources only once the agent
 * has registered, and then knows its tasks: so a reconciliation begun after its first offer
 * reports every task on it, even when the master itself has just failed over and the
 * agent re-registered late. An agent whose first offer comes during a round restarts it
 * (with every agent it covered), so that the first offers wait for one quiet period, not
 * two. After a round that declined offers, offers are revived, for the roles the scheduler
 * has not suppressed (`suppression`): a scheduler that suppressed gets no offers it did not
 * ask for.
 */
export class Reconciler {
  private readonly covered = new Set<string>();
  private readonly waiting = new Set<string>();
  private round: { agents: Set<string>; statuses: TaskStatus[]; timer: NodeJS.Timeout } | undefined;
  private stopped = false;
  private declined = false;

  constructor(
    private readonly driver: SchedulerDriver,
    private readonly quietMs: number,
    private readonly onRound: (statuses: TaskStatus[]) => void,
    private readonly suppression?: OfferSuppression,
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
      this.declined = true;
      if (!this.round?.agents.has(agent)) this.waiting.add(agent);
    }
    if (this.waiting.size > 0) this.begin();
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
    const previous = this.round;
    if (previous) clearTimeout(previous.timer);
    // A round begun now covers the previous round's agents too (their first offers came
    // before it); its reconciliation reports every task again.
    const agents = new Set([...(previous?.agents ?? []), ...this.waiting]);
    this.waiting.clear();
    this.round = { agents, statuses: [], timer: setTimeout(() => undefined, 0) };
    this.driver.reconcileTasks([]);
    this.arm();
  }

  /** Brings back the declined offers, for the roles whose offers were not suppressed. */
  private revive(): void {
    this.declined = false;
    const roles = this.suppression?.revivable();
    if (roles === undefined) this.driver.reviveOffers();
    else if (roles.length > 0) this.driver.reviveOffers(roles);
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
    if (this.declined) this.revive();
    // A restarted round may bring each task twice (both reconciliations answered).
    const latest = new Map(round.statuses.map((status) => [status.taskId.value, status]));
    this.onRound([...latest.values()]);
  }
}
