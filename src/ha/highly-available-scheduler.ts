import { EventEmitter } from 'events';
import { InvalidArgumentError, MesosNapiError } from '../errors';
import type { Input } from '../messages/input';
import type { FrameworkID, FrameworkInfo, TaskStatus } from '../messages/message-types';
import type { Scheduler } from '../scheduler/scheduler';
import {
  MesosSchedulerDriver,
  type SchedulerDriver,
  type SchedulerDriverOptions,
} from '../scheduler/scheduler-driver';
import { ZooKeeperState } from '../state/zookeeper-state';
import { Status } from '../status';
import { FrameworkIdStore } from './framework-id-store';
import { LeaderElection } from './leader-election';
import { Reconciler } from './reconciler';
import { frameworkRoles, OfferSuppression } from './offer-suppression';
import type { Leadership, LeadershipLoss } from './leadership';
import { parseZooKeeperUrl } from './zookeeper-url';

/** Options of a HighlyAvailableScheduler. */
export interface HighlyAvailableSchedulerOptions {
  /**
   * The framework's own ZooKeeper node, shared by all its processes:
   * `zk://[user:password@]host:port[,host:port...]/path`. The election runs at
   * `path/leader`, and (unless `frameworkIdStore` is given) the framework id is kept in a
   * ZooKeeperState at `path/state`.
   */
  zk: string;
  /** The framework. Its `id` is managed here; `failoverTimeout` (seconds) is required. */
  framework: Input<FrameworkInfo>;
  /** The Mesos master, as for MesosSchedulerDriver. */
  master: string;
  /** The other driver options (credential, environment, …). */
  driver?: Omit<SchedulerDriverOptions, 'framework' | 'master'>;
  /** The ZooKeeper session timeout in ms (default 10000): see LeaderElection. */
  sessionTimeout?: number;
  /** What the other processes see of this one as the leader (default `host:pid`). */
  info?: string;
  /** Where the framework id is kept (default: a ZooKeeperState at `path/state`). */
  frameworkIdStore?: FrameworkIdStore;
  /**
   * How long a reconciliation round lasts after its last update (ms, default 1000): see
   * the class's description.
   */
  reconcileQuietPeriod?: number;
}

/** Events of a HighlyAvailableScheduler. */
export interface HighlyAvailableSchedulerEvents {
  /** This process leads; its driver is about to start. */
  elected: [leadership: Leadership];
  /** The driver registered: `failover` when it registered with the stored framework id. */
  registered: [frameworkId: FrameworkID, failover: boolean];
  /** A reconciliation round ended, with the updates it brought (each task's latest). */
  reconciled: [statuses: TaskStatus[]];
  /** The master had removed the framework: its id was cleared, it registers afresh. */
  removed: [frameworkId: FrameworkID, message: string];
  /** Leadership ended; the driver was stopped at once (failover: tasks keep running). */
  lost: [loss: LeadershipLoss];
}

/** The master's error() for a framework id it has removed (failover timeout, teardown). */
const REMOVED = 'Framework has been removed';
/** The master's error() when another scheduler registered with this framework's id. */
const FAILED_OVER = 'Framework failed over';

/** Driver calls that act on the cluster: refused once the leadership is no longer current. */
const ACTIONS = new Set<string>([
  'requestResources',
  'launchTasks',
  'killTask',
  'acceptOffers',
  'declineOffer',
  'reviveOffers',
  'suppressOffers',
  'acknowledgeStatusUpdate',
  'sendFrameworkMessage',
  'reconcileTasks',
  'updateFramework',
]);

type DriverEnd =
  | { kind: 'stopped' | 'lost' }
  | { kind: 'finished'; failover: boolean; frameworkId?: FrameworkID }
  | { kind: 'removed' | 'failed-over' | 'aborted'; message: string; frameworkId?: FrameworkID };

/**
 * Runs a Scheduler in one of several processes at a time: every process contends in a
 * {@link LeaderElection}; the leader runs the MesosSchedulerDriver, the others stand by.
 *
 * - The first leader registers and stores the framework id ({@link FrameworkIdStore});
 *   a later leader registers with it, failing over to the same framework (its tasks kept,
 *   within `failoverTimeout`).
 * - Losing leadership stops the driver at once with failover (`stop(true)`: the tasks keep
 *   running), and every driver call the scheduler makes once the leadership is no longer
 *   current is refused (returns DRIVER_ABORTED without reaching libmesos), so two leaders
 *   never act. The process then contends again.
 * - A new leader reconciles all tasks (implicit reconciliation) before it launches
 *   anything: an agent's offers are declined until a reconciliation begun after its first
 *   offer has been quiet for `reconcileQuietPeriod` (so even after a master failover, when
 *   agents come back late, the scheduler learns their tasks before it gets their offers);
 *   the scheduler's statusUpdate gets the reconciliation's updates.
 * - When the master says the framework was removed (its failover timeout passed, or it
 *   was torn down), the stored id is cleared and the framework registers afresh instead of
 *   failing on the same error forever.
 *
 * The scheduler's callbacks get a driver whose calls are guarded in this way. When the
 * scheduler stops that driver itself, the framework is done: run() resolves (and, unless
 * it stopped with failover, the stored id is cleared, as the master tears the framework
 * down).
 */
export class HighlyAvailableScheduler extends EventEmitter<HighlyAvailableSchedulerEvents> {
  /** The election this process contends in. */
  readonly election: LeaderElection;
  /** Where the framework id is kept. */
  readonly frameworkIdStore: FrameworkIdStore;
  private readonly framework: Input<FrameworkInfo>;
  private readonly quietPeriod: number;
  private current: { driver: MesosSchedulerDriver; guarded: SchedulerDriver } | undefined;
  private stopping: { failover: boolean } | undefined;
  private running: Promise<void> | undefined;

  constructor(
    private readonly scheduler: Scheduler,
    private readonly options: HighlyAvailableSchedulerOptions,
  ) {
    super();
    if (typeof options !== 'object' || options === null) {
      throw new InvalidArgumentError('options', 'expected an object');
    }
    const url = parseZooKeeperUrl(options.zk);
    const failoverTimeout = options.framework?.failoverTimeout;
    if (typeof failoverTimeout !== 'number' || !(failoverTimeout > 0)) {
      throw new InvalidArgumentError(
        'options.framework.failoverTimeout',
        'expected a number of seconds > 0: without it the master removes the framework as soon as its leader goes, and no other process can fail over to it',
      );
    }
    if (options.framework.id !== undefined) {
      throw new InvalidArgumentError(
        'options.framework.id',
        'the framework id is managed by the HighlyAvailableScheduler (frameworkIdStore)',
      );
    }
    const quiet = options.reconcileQuietPeriod ?? 1000;
    if (!Number.isInteger(quiet) || quiet < 0) {
      throw new InvalidArgumentError(
        'options.reconcileQuietPeriod',
        'expected a whole number of ms >= 0',
      );
    }
    this.quietPeriod = quiet;
    this.framework = options.framework;
    this.election = new LeaderElection({
      zk: options.zk.replace(/\/*$/, '') + '/leader',
      ...(options.sessionTimeout !== undefined ? { sessionTimeout: options.sessionTimeout } : {}),
      ...(options.info !== undefined ? { info: options.info } : {}),
    });
    this.frameworkIdStore =
      options.frameworkIdStore ??
      new FrameworkIdStore(
        new ZooKeeperState(
          url.servers.map(({ host, port }) => `${host}:${port}`).join(','),
          this.election.sessionTimeout,
          `${url.path}/state`,
          url.credentials !== undefined ? 'digest' : undefined,
          url.credentials,
        ),
      );
    // The loss is acted on synchronously, before anything else runs on this thread.
    this.election.on('lost', (loss) => {
      this.current?.driver.stop(true);
      this.emit('lost', loss);
    });
  }

  /** The leader's driver (guarded), while this process leads and its driver runs. */
  get driver(): SchedulerDriver | undefined {
    return this.current?.guarded;
  }

  /**
   * Contends, runs the driver while leading, stands by otherwise, until stop(). Rejects if
   * the driver ends for another reason than those above (an error() such as a refused
   * authentication), or the election fails for good.
   */
  run(): Promise<void> {
    this.running ??= this.loop().finally(() => this.election.close());
    return this.running;
  }

  /**
   * Ends this process's part: stops the driver (with failover unless `teardown`, so that
   * another process can take over the framework and its tasks; `teardown: true` ends the
   * framework in the master, killing its tasks, and clears the stored id), leaves the
   * election, and resolves once run() has ended.
   */
  async stop(options: { teardown?: boolean } = {}): Promise<void> {
    this.stopping ??= { failover: !options.teardown };
    const current = this.current;
    if (current) current.driver.stop(this.stopping.failover);
    await this.election.close();
    await this.running?.catch(() => undefined);
  }

  private tearingDown(): boolean {
    return this.stopping !== undefined && !this.stopping.failover;
  }

  private async loop(): Promise<void> {
    while (!this.stopping) {
      let leadership: Leadership;
      try {
        leadership = await this.election.contend();
      } catch (error) {
        if (this.stopping) return;
        throw error;
      }
      this.emit('elected', leadership);
      await this.lead(leadership);
    }
  }

  private async lead(leadership: Leadership): Promise<void> {
    while (leadership.isCurrent() && !this.stopping) {
      const id = await this.frameworkIdStore.load();
      if (!leadership.isCurrent() || this.stopping) return;
      const end = await this.runDriver(leadership, id);
      switch (end.kind) {
        case 'stopped':
          if (this.tearingDown() && id) await this.frameworkIdStore.clear(id);
          return;
        case 'lost':
          return;
        case 'finished':
          // The scheduler stopped its driver: the framework is done (torn down unless it
          // stopped with failover).
          this.stopping ??= { failover: end.failover };
          if (!end.failover && end.frameworkId) await this.frameworkIdStore.clear(end.frameworkId);
          return;
        case 'removed':
          if (end.frameworkId) await this.frameworkIdStore.clear(end.frameworkId);
          this.emit('removed', end.frameworkId ?? { value: '' }, end.message);
          continue;
        case 'failed-over':
          // Another scheduler registered with this framework's id: it acts now, not this one.
          await this.election.withdraw();
          return;
        case 'aborted':
          throw new MesosNapiError(`the scheduler driver ended: ${end.message}`);
      }
    }
  }

  private runDriver(leadership: Leadership, id: FrameworkID | undefined): Promise<DriverEnd> {
    let errorMessage: string | undefined;
    let reconciler: Reconciler | undefined;
    const suppression = new OfferSuppression(frameworkRoles(this.framework));
    const reconcile = (driver: SchedulerDriver) => {
      reconciler ??= new Reconciler(
        driver,
        this.quietPeriod,
        (statuses) => {
          if (leadership.isCurrent()) this.emit('reconciled', statuses);
        },
        suppression,
      );
      reconciler.restart();
    };
    const user = this.scheduler;
    let stoppedByScheduler: { failover: boolean } | undefined;
    let registeredId: FrameworkID | undefined;
    const onStop = (failover: boolean) => (stoppedByScheduler ??= { failover });
    const guardedOf = (driver: SchedulerDriver) => guard(driver, leadership, onStop, suppression);
    const wrapper: Scheduler = {
      registered: async (driver, frameworkId, masterInfo) => {
        if (!leadership.isCurrent()) return;
        registeredId = frameworkId;
        await this.frameworkIdStore.save(frameworkId);
        // Saving took a round trip: the leadership may have ended meanwhile.
        if (!leadership.isCurrent()) return;
        this.emit('registered', frameworkId, id?.value === frameworkId.value);
        reconcile(driver);
        await user.registered?.(guardedOf(driver), frameworkId, masterInfo);
      },
      reregistered: async (driver, masterInfo) => {
        if (!leadership.isCurrent()) return;
        reconcile(driver);
        await user.reregistered?.(guardedOf(driver), masterInfo);
      },
      disconnected: (driver) =>
        leadership.isCurrent() ? user.disconnected?.(guardedOf(driver)) : undefined,
      resourceOffers: (driver, offers) => {
        if (!leadership.isCurrent()) return;
        const usable = reconciler ? reconciler.filter(offers) : [];
        if (!reconciler) for (const offer of offers) driver.declineOffer(offer.id);
        if (usable.length === 0) return;
        return user.resourceOffers?.(guardedOf(driver), usable);
      },
      offerRescinded: (driver, offerId) =>
        leadership.isCurrent() ? user.offerRescinded?.(guardedOf(driver), offerId) : undefined,
      statusUpdate: (driver, status) => {
        if (!leadership.isCurrent()) return;
        reconciler?.saw(status);
        return user.statusUpdate?.(guardedOf(driver), status);
      },
      frameworkMessage: (driver, executorId, slaveId, data) =>
        leadership.isCurrent()
          ? user.frameworkMessage?.(guardedOf(driver), executorId, slaveId, data)
          : undefined,
      slaveLost: (driver, slaveId) => {
        reconciler?.forget(slaveId.value);
        return leadership.isCurrent() ? user.slaveLost?.(guardedOf(driver), slaveId) : undefined;
      },
      executorLost: (driver, executorId, slaveId, status) =>
        leadership.isCurrent()
          ? user.executorLost?.(guardedOf(driver), executorId, slaveId, status)
          : undefined,
      error: (driver, message) => {
        errorMessage = message;
        if (message === REMOVED || message === FAILED_OVER) return;
        return user.error?.(guardedOf(driver), message);
      },
    };
    const driver = new MesosSchedulerDriver(wrapper, {
      ...this.options.driver,
      framework: { ...this.framework, ...(id ? { id } : {}) },
      master: this.options.master,
    });
    this.current = { driver, guarded: guardedOf(driver) };
    if (!leadership.isCurrent() || this.stopping) {
      this.current = undefined;
      return Promise.resolve({ kind: 'lost' });
    }
    driver.start();
    return driver.join().then(
      (): DriverEnd => {
        reconciler?.stop();
        this.current = undefined;
        if (this.stopping) return { kind: 'stopped' };
        if (stoppedByScheduler) {
          return { kind: 'finished', ...stoppedByScheduler, frameworkId: registeredId ?? id };
        }
        if (errorMessage === REMOVED)
          return { kind: 'removed', message: errorMessage, frameworkId: id };
        if (errorMessage === FAILED_OVER) return { kind: 'failed-over', message: errorMessage };
        if (!leadership.isCurrent()) return { kind: 'lost' };
        return { kind: 'aborted', message: errorMessage ?? 'the driver stopped' };
      },
      (error: unknown): DriverEnd => {
        reconciler?.stop();
        this.current = undefined;
        if (!leadership.isCurrent() || this.stopping) return { kind: 'lost' };
        throw error;
      },
    );
  }
}

/**
 * The driver as the scheduler sees it: actions refused once the leadership has ended, its
 * own stop() recorded (the framework is done), and the offers it suppressed or revived
 * recorded in `suppression`.
 */
function guard(
  driver: SchedulerDriver,
  leadership: Leadership,
  onStop: (failover: boolean) => void,
  suppression: OfferSuppression,
): SchedulerDriver {
  return new Proxy(driver, {
    get(target, property, receiver) {
      const value: unknown = Reflect.get(target, property, receiver);
      if (typeof value !== 'function') return value;
      if (property === 'stop') {
        return (failover?: boolean) => {
          onStop(failover === true);
          return target.stop(failover);
        };
      }
      if (typeof property === 'string' && ACTIONS.has(property)) {
        return (...args: unknown[]) => {
          if (!leadership.isCurrent()) return Status.DRIVER_ABORTED;
          const status = (value as (...a: unknown[]) => unknown).apply(target, args);
          if (status === Status.DRIVER_RUNNING) recordOffers(suppression, property, args);
          return status;
        };
      }
      return (value as (...a: unknown[]) => unknown).bind(target);
    },
  });
}

/** What a driver call that went through changes in the suppression of offers. */
function recordOffers(suppression: OfferSuppression, method: string, args: unknown[]): void {
  if (method === 'suppressOffers') suppression.suppress(args[0] as string[] | undefined);
  else if (method === 'reviveOffers') suppression.revive(args[0] as string[] | undefined);
  else if (method === 'updateFramework') {
    const info = args[0] as { roles?: string[]; role?: string };
    suppression.update(frameworkRoles(info), (args[1] as string[] | undefined) ?? []);
  }
}
