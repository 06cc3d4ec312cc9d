import { EventEmitter } from 'events';
import { InvalidArgumentError } from '../../errors';
import { filters, isSuccess, launch, type ResourceLike } from '../../helpers';
import type {
  FrameworkID,
  Input,
  MasterInfo,
  Offer,
  Offer_Operation,
  TaskInfo,
  TaskStatus,
} from '../../messages';
import type { Scheduler } from '../../scheduler/scheduler';
import type { SchedulerDriver } from '../../scheduler/scheduler-driver';
import type { State } from '../../state/state';
import { systemClock, type ServiceClock } from '../clock';
import { parseServiceDefinition } from '../definition/parse';
import type { PodDefinition, ServiceDefinition } from '../definition/types';
import { converge, UPGRADE_DEFAULTS, type Emit } from '../deployment/converge';
import { RECENT_EVENTS, type ServiceEvent } from '../events';
import { buildTask, instanceTaskId } from '../launch/build-task';
import {
  relaunchResident,
  releaseOrphans,
  reservationOwner,
  reserveForInstance,
  type ResidentLaunch,
} from '../launch/resident';
import { takeForInstance, type InstanceResources } from '../launch/take';
import { addHistory, type InstanceRecord } from '../model/instance';
import { instanceNumber, podOf, taskKey } from '../model/pods';
import type { DeploymentRecord, ServiceSnapshot } from '../model/snapshot';
import { taskGone } from '../model/task-end';
import { firstViolation, placeOf, type Place } from '../placement/constraints';
import { afterExit, launchDelaySeconds, RESTART_DEFAULTS } from '../restart/backoff';
import { serviceStatus, type ServiceStatus } from '../status';
import {
  ServiceActionRefusedError,
  ServiceNotFoundError,
  ServiceNotReadyError,
  ServiceStateConflictError,
} from '../errors';
import { ServiceHttpServer } from '../http/server';
import type { ServiceHttpOptions } from '../http/options';
import { ServiceStore } from '../store';

/** Options of ServiceScheduler. */
export interface ServiceSchedulerOptions {
  /**
   * The definition (or its JSON text), checked as parseServiceDefinition checks it; used when the State
   * holds none for this service's name; otherwise the stored one, and its update in
   * progress, carry on. Change it with update().
   */
  definition: ServiceDefinition | string;
  /** Where the service's record lives (a ZooKeeperState to survive the process). */
  state: State;
  /** Default: the system's clock. */
  clock?: ServiceClock;
  /** Seconds an offer is refused for while instances wait for one that fits (default 5). */
  declineSeconds?: number;
  /** Seconds an offer is refused for when nothing waits to launch (default 120). */
  idleDeclineSeconds?: number;
  /** Seconds between explicit reconciliations while some task's state is not known (default 30). */
  reconcileRetrySeconds?: number;
  /**
   * The framework's principal, given to the reservations and volumes of pods with volumes
   * (the master requires it when the framework authenticates).
   */
  principal?: string;
  /**
   * Serve the service's HTTP API and page (off by default): see ServiceHttpOptions and
   * docs/services.md. ready() resolves once it listens; `webuiUrl` is its address.
   */
  http?: ServiceHttpOptions;
}

/** What one offer is accepted for: operations (reservations, volumes), then launches. */
interface Accept {
  operations: Input<Offer_Operation>[];
  tasks: Input<TaskInfo>[];
}

/**
 * A Scheduler that keeps a service's pods running as its definition says: it launches
 * missing instances from offers (placement constraints checked on every launch), declines
 * the rest with filters, suppresses offers when nothing waits and revives them when
 * something does, kills surplus instances, restarts ended ones by their restart policy
 * with backoff, replaces changed ones in rolling updates, and keeps all of it in a State,
 * written before every launch, so that a scheduler that takes over (a restart, a new
 * leader under HighlyAvailableScheduler) resumes without launching anything twice.
 *
 * Give it to a MesosSchedulerDriver (or a HighlyAvailableScheduler) as its scheduler.
 * Emits 'event' for everything that happens to the service (ServiceEvent).
 */
export class ServiceScheduler extends EventEmitter<{ event: [ServiceEvent] }> implements Scheduler {
  private readonly store: ServiceStore;
  private readonly clock: ServiceClock;
  private readonly initial: ServiceDefinition;
  private readonly declineSeconds: number;
  private readonly idleDeclineSeconds: number;
  private readonly reconcileRetryMs: number;
  private readonly principal: string | undefined;
  private snapshot: ServiceSnapshot | undefined;
  private readonly loading: Promise<void>;
  private queue: Promise<unknown> = Promise.resolve();
  private driver: SchedulerDriver | undefined;
  private registered_ = false;
  /** Whether offers are wanted, as last told to the master (undefined: not told yet). */
  private wanting: boolean | undefined;
  private wake: { at: number; cancel(): void } | undefined;
  private reconcileTimer: { cancel(): void } | undefined;
  private failure: Error | undefined;
  private readonly recent: ServiceEvent[] = [];
  private readonly placementProblems = new Map<string, string>();
  private readonly server: ServiceHttpServer | undefined;

  constructor(options: ServiceSchedulerOptions) {
    super();
    if (typeof options !== 'object' || options === null) {
      throw new InvalidArgumentError('options', 'expected an object');
    }
    this.initial = parseServiceDefinition(options.definition);
    this.store = new ServiceStore(options.state, this.initial.name);
    this.clock = options.clock ?? systemClock;
    this.declineSeconds = seconds(options.declineSeconds, 5, 'options.declineSeconds');
    this.idleDeclineSeconds = seconds(
      options.idleDeclineSeconds,
      120,
      'options.idleDeclineSeconds',
    );
    this.reconcileRetryMs =
      seconds(options.reconcileRetrySeconds, 30, 'options.reconcileRetrySeconds') * 1000;
    if (options.principal !== undefined && typeof options.principal !== 'string') {
      throw new InvalidArgumentError('options.principal', 'expected a string');
    }
    this.principal = options.principal;
    this.loading = this.serial(() => this.load());
    // Reported by every callback and by ready().
    this.loading.catch(() => undefined);
    if (options.http !== undefined) this.server = new ServiceHttpServer(this, options.http);
  }

  /**
   * Resolves once the service's record has been read (or made) in the State, and its HTTP
   * server (if any) listens.
   */
  async ready(): Promise<void> {
    await this.loading;
    await this.server?.listening();
  }

  /** The HTTP server (with the `http` option). */
  get http(): ServiceHttpServer | undefined {
    return this.server;
  }

  /**
   * The HTTP server's address (`http://host:port/`) once it listens: give it to the
   * FrameworkInfo as `webuiUrl` (see frameworkInfo()) and the Mesos UI links to it.
   */
  get webuiUrl(): string | undefined {
    return this.server?.url;
  }

  /**
   * The FrameworkInfo given, with `webuiUrl` set to the HTTP server's address (once it
   * listens: call it after ready()); as given without the `http` option.
   */
  frameworkInfo<T extends object>(framework: T): T & { webuiUrl?: string } {
    const url = this.webuiUrl;
    return { ...framework, ...(url !== undefined ? { webuiUrl: url } : {}) };
  }

  /** The current definition and its version (once ready()). */
  definition(): { version: number; definition: ServiceDefinition } | undefined {
    const snapshot = this.snapshot;
    return snapshot && { version: snapshot.version, definition: snapshot.definition };
  }

  /** The framework id the service last registered with (kept in the State). */
  get frameworkId(): FrameworkID | undefined {
    if (!this.snapshot) {
      // Undefined here would register a new framework beside the one whose tasks run.
      throw new ServiceNotReadyError(
        'frameworkId: the service record is not read from its State yet; await ready() first',
      );
    }
    const id = this.snapshot.frameworkId;
    return id === undefined ? undefined : { value: id };
  }

  /** The service as it is now: pods, instances, the update in progress, recent events. */
  status(): ServiceStatus {
    return serviceStatus({
      snapshot: this.snapshot,
      registered: this.registered_,
      suppressed: this.wanting === false,
      events: this.recent,
      placementProblems: this.placementProblems,
      failure: this.failure?.message,
    });
  }

  /**
   * Changes the definition. Pods whose task changed are replaced in a rolling update
   * (resolves with its record); a changed instance count alone scales at once. An update
   * made during another one supersedes it.
   */
  update(definition: ServiceDefinition | string): Promise<DeploymentRecord | undefined> {
    const parsed = parseServiceDefinition(definition);
    return this.serial(async () => {
      await this.loading;
      return this.change(parsed);
    });
  }

  /**
   * Sets one pod's instance count (an update that changes nothing else). A pod the
   * definition lacks: ServiceNotFoundError.
   */
  scale(pod: string, instances: number): Promise<DeploymentRecord | undefined> {
    return this.serial(async () => {
      await this.loading;
      const definition = this.current().definition;
      if (!definition.pods.some((p) => p.name === pod)) {
        throw new ServiceNotFoundError('pod', `no pod '${pod}' in service '${definition.name}'`);
      }
      return this.change(
        parseServiceDefinition({
          ...definition,
          pods: definition.pods.map((p) => (p.name === pod ? { ...p, instances } : p)),
        }),
      );
    });
  }

  /**
   * Restarts an instance: its task is killed (now, or once registered) and launched again
   * at once (whatever its restart policy; no failure counted, its backoff cleared). An instance that waits (a
   * backoff delay) launches at once; one that is done runs again.
   */
  restart(instanceId: string): Promise<void> {
    return this.serial(async () => {
      await this.loading;
      const instance = this.current().instances.find((i) => i.id === instanceId);
      if (!instance || instance.goal === 'remove') {
        throw new ServiceNotFoundError(
          'instance',
          instance
            ? `instance '${instanceId}' is being removed`
            : `no instance '${instanceId}' in service '${this.current().definition.name}'`,
        );
      }
      const task = instance.task;
      instance.failures = 0;
      instance.delayUntil = undefined;
      if (instance.goal === 'done') instance.goal = 'run';
      // Killed by killSurplus(), now or once registered.
      if (task) task.restarting = true;
      this.event({
        type: 'instance-restart-requested',
        instance: instance.id,
        ...(task ? { taskId: task.taskId } : {}),
      });
      await this.afterChange();
    });
  }

  /** Pauses the rolling update in progress: it takes no further step until resumed. */
  pauseDeployment(): Promise<DeploymentRecord> {
    return this.pausing(true);
  }

  /** Resumes a paused rolling update. */
  resumeDeployment(): Promise<DeploymentRecord> {
    return this.pausing(false);
  }

  private pausing(paused: boolean): Promise<DeploymentRecord> {
    return this.serial(async () => {
      await this.loading;
      const deployment = this.current().deployment;
      if (deployment?.state !== 'running') {
        throw new ServiceActionRefusedError(
          deployment
            ? `no update in progress: update ${deployment.id} ${deployment.state}`
            : 'no update in progress',
        );
      }
      if (Boolean(deployment.paused) !== paused) {
        if (paused) deployment.paused = true;
        else delete deployment.paused;
        this.event({
          type: paused ? 'deployment-paused' : 'deployment-resumed',
          deployment: deployment.id,
        });
        await this.afterChange();
      }
      return { ...deployment };
    });
  }

  private async change(definition: ServiceDefinition): Promise<DeploymentRecord | undefined> {
    const snapshot = this.current();
    if (definition.name !== snapshot.definition.name) {
      throw new InvalidArgumentError(
        'name',
        `the service is '${snapshot.definition.name}'; a service cannot be renamed`,
      );
    }
    definition.pods.forEach((pod, i) => {
      const was = snapshot.definition.pods.find((p) => p.name === pod.name);
      if (was && (was.volumes?.length || pod.volumes?.length) && taskKey(was) !== taskKey(pod)) {
        throw new InvalidArgumentError(
          `pods[${i}]`,
          `pod '${pod.name}' has persistent volumes: only its instances, restart, constraints and upgrade may change (new instances would not have its instances' data)`,
        );
      }
    });
    const deployment = this.applyDefinition(snapshot, definition);
    await this.afterChange();
    return deployment;
  }

  /** Cancels the service's timers and closes its HTTP server (call once its driver has stopped). */
  close(): void {
    void this.server?.close();
    this.wake?.cancel();
    this.wake = undefined;
    this.reconcileTimer?.cancel();
    this.reconcileTimer = undefined;
  }

  // --- Scheduler callbacks --------------------------------------------------------------

  registered(
    driver: SchedulerDriver,
    frameworkId: FrameworkID,
    _master: MasterInfo,
  ): Promise<void> {
    return this.serial(async () => {
      await this.loading;
      await this.reload();
      this.current().frameworkId = frameworkId.value;
      await this.connected(driver);
    });
  }

  reregistered(driver: SchedulerDriver, _master: MasterInfo): Promise<void> {
    return this.serial(async () => {
      await this.loading;
      await this.connected(driver);
    });
  }

  disconnected(): void {
    this.registered_ = false;
  }

  resourceOffers(driver: SchedulerDriver, offers: Offer[]): Promise<void> {
    return this.serial(async () => {
      await this.loading;
      this.driver = driver;
      const now = this.clock.now();
      const waiting = this.launchable(now);
      const accepts = new Map<string, Accept>();
      const places = this.placesByPod();
      for (const offer of offers) {
        const release = this.releases(offer);
        const fill = waiting.length > 0 ? this.fill(offer, waiting, places, now) : undefined;
        const operations = [...release, ...(fill?.operations ?? [])];
        if (operations.length > 0 || fill?.tasks.length) {
          accepts.set(offer.id.value, { operations, tasks: fill?.tasks ?? [] });
        }
      }
      // Recorded before anything launches: a scheduler taking over knows every task.
      if (accepts.size > 0) await this.save();
      const left = waiting.some((i) => !i.task);
      for (const offer of offers) {
        const accept = accepts.get(offer.id.value);
        if (accept && accept.operations.length === 0) {
          driver.launchTasks([offer.id], accept.tasks, filters(this.declineSeconds));
        } else if (accept) {
          const operations = [...accept.operations];
          if (accept.tasks.length > 0) operations.push(launch(accept.tasks));
          driver.acceptOffers([offer.id], operations, filters(this.declineSeconds));
        } else {
          driver.declineOffer(
            offer.id,
            filters(left ? this.declineSeconds : this.idleDeclineSeconds),
          );
        }
      }
      this.offerInterest();
    });
  }

  statusUpdate(driver: SchedulerDriver, status: TaskStatus): Promise<void> {
    return this.serial(async () => {
      await this.loading;
      this.driver = driver;
      const instance = this.current().instances.find((i) => i.task?.taskId === status.taskId.value);
      if (!instance) {
        if (!taskGone(status.state)) {
          driver.killTask(status.taskId);
          this.event({ type: 'unknown-task-killed', taskId: status.taskId.value });
        }
        return;
      }
      if (taskGone(status.state)) this.ended(instance, status);
      else this.progressed(instance, status);
      await this.afterChange();
    });
  }

  error(_driver: SchedulerDriver, message: string): void {
    this.failure ??= new Error(message);
    this.close();
  }

  // --- Loading and saving ---------------------------------------------------------------

  private async load(): Promise<void> {
    const stored = await this.store.load();
    if (stored) {
      this.snapshot = stored;
      return;
    }
    this.snapshot = {
      format: 1,
      version: 1,
      definition: this.initial,
      older: {},
      instances: [],
      next: {},
      deployments: 0,
    };
    converge(this.snapshot, this.clock.now(), this.emitter());
    try {
      await this.store.save(this.snapshot);
    } catch (error) {
      // Another scheduler started beside this one made the record first: carry on with its.
      const made = error instanceof ServiceStateConflictError && (await this.store.load());
      if (made) {
        this.snapshot = made;
        return;
      }
      this.failure ??= error as Error;
      this.close();
      throw error;
    }
  }

  /**
   * Reads the record again on registering: another scheduler may have led in between (this
   * one lost its leadership and won it back), and a conflict seen then is over.
   */
  private async reload(): Promise<void> {
    const stored = await this.store.load();
    if (stored) this.snapshot = stored;
    if (this.failure instanceof ServiceStateConflictError) this.failure = undefined;
  }

  private current(): ServiceSnapshot {
    if (this.failure) throw this.failure;
    return this.snapshot!;
  }

  private async save(): Promise<void> {
    try {
      await this.store.save(this.current());
    } catch (error) {
      this.failure ??= error as Error;
      this.close();
      throw error;
    }
  }

  /** Runs fn after everything queued before it: callbacks, timers and updates never interleave. */
  private serial<T>(fn: () => Promise<T> | T): Promise<T> {
    const run = this.queue.then(fn);
    this.queue = run.catch(() => undefined);
    return run;
  }

  // --- Registration and reconciliation --------------------------------------------------

  private async connected(driver: SchedulerDriver): Promise<void> {
    this.driver = driver;
    this.registered_ = true;
    this.wanting = undefined;
    for (const instance of this.current().instances) {
      if (!instance.task) continue;
      instance.task.reconciling = true;
      instance.task.killRequested = false;
    }
    this.reconcile();
    // Every task the master knows, so that tasks this service no longer counts are killed.
    driver.reconcileTasks([]);
    await this.afterChange();
  }

  /** Asks the master for the state of every task whose state is not known yet. */
  private reconcile(): void {
    this.reconcileTimer?.cancel();
    this.reconcileTimer = undefined;
    const unknown = this.current().instances.filter((i) => i.task?.reconciling);
    if (unknown.length === 0 || !this.driver) return;
    this.driver.reconcileTasks(
      unknown.map((i) => ({
        taskId: { value: i.task!.taskId },
        slaveId: { value: i.task!.agentId },
        state: i.task!.state,
      })),
    );
    this.reconcileTimer = this.clock.setTimeout(
      () => void this.serial(() => this.reconcile()).catch(() => undefined),
      this.reconcileRetryMs,
    );
  }

  // --- Status updates -------------------------------------------------------------------

  private progressed(instance: InstanceRecord, status: TaskStatus): void {
    const task = instance.task!;
    const now = this.clock.now();
    const wasRunning = task.state === 'TASK_RUNNING';
    task.reconciling = false;
    task.state = status.state;
    if (status.state === 'TASK_RUNNING' && !wasRunning) {
      addHistory(instance, { at: now, event: 'running', taskId: task.taskId, state: status.state });
      this.event({ type: 'instance-running', instance: instance.id, taskId: task.taskId });
    }
    if (status.healthy !== undefined && status.healthy !== task.healthy) {
      task.healthy = status.healthy;
      const event = status.healthy ? 'healthy' : 'unhealthy';
      addHistory(instance, { at: now, event, taskId: task.taskId, message: status.message });
      this.event({ type: `instance-${event}`, instance: instance.id, taskId: task.taskId });
    }
    const hasCheck = podOf(this.current(), instance)?.healthCheck !== undefined;
    const good = task.state === 'TASK_RUNNING' && (!hasCheck || task.healthy === true);
    if (good) task.goodSince ??= now;
    else task.goodSince = undefined;
  }

  private ended(instance: InstanceRecord, status: TaskStatus): void {
    const snapshot = this.current();
    const task = instance.task!;
    const now = this.clock.now();
    const reason = status.reason;
    addHistory(instance, {
      at: now,
      event: 'ended',
      taskId: task.taskId,
      state: status.state,
      ...(reason !== undefined ? { reason } : {}),
      ...(status.message ? { message: status.message } : {}),
    });
    this.event({
      type: 'instance-ended',
      instance: instance.id,
      taskId: task.taskId,
      state: status.state,
      ...(reason !== undefined ? { reason } : {}),
      ...(status.message ? { message: status.message } : {}),
    });
    instance.task = undefined;
    if (instance.goal !== 'run') return;
    const deployment = snapshot.deployment;
    const deploying =
      deployment?.state === 'running' &&
      !deployment.paused &&
      deployment.pods.includes(instance.pod);
    if (deploying && instance.version !== snapshot.version) {
      // An old instance that ends during an update is replaced by the update, not restarted.
      instance.goal = 'remove';
      return;
    }
    if (task.restarting) {
      // restart(): it launches again at once.
      instance.delayUntil = undefined;
      return;
    }
    if (deploying && !isSuccess(status.state) && !task.killRequested) {
      this.countUpdateFailure(deployment!, instance, status);
      if (instance.goal !== 'run') return;
    }
    const pod = podOf(snapshot, instance);
    const next = afterExit(pod?.restart, status.state);
    if (!next.relaunch) {
      instance.goal = 'done';
      return;
    }
    if (!next.counts) {
      instance.delayUntil = undefined;
      return;
    }
    const resetAfter = pod?.restart?.resetAfterSeconds ?? RESTART_DEFAULTS.resetAfterSeconds;
    if (task.goodSince !== undefined && now - task.goodSince >= resetAfter * 1000) {
      instance.failures = 0;
    }
    instance.failures++;
    const delaySeconds = launchDelaySeconds(pod?.restart, instance.failures);
    instance.delayUntil = now + delaySeconds * 1000;
    addHistory(instance, { at: now, event: 'delayed', delaySeconds });
    this.event({
      type: 'instance-restart-delayed',
      instance: instance.id,
      delaySeconds,
      failures: instance.failures,
    });
  }

  /** A new instance of an update ended: too many of those and the update fails. */
  private countUpdateFailure(
    deployment: DeploymentRecord,
    instance: InstanceRecord,
    status: TaskStatus,
  ): void {
    const snapshot = this.current();
    const failures = (deployment.failures[instance.pod] ?? 0) + 1;
    deployment.failures[instance.pod] = failures;
    const pod = snapshot.definition.pods.find((p) => p.name === instance.pod);
    const limit = pod?.upgrade?.maxFailures ?? UPGRADE_DEFAULTS.maxFailures;
    if (failures < limit) return;
    const detail = status.message ? `: ${status.message}` : '';
    deployment.state = 'failed';
    deployment.endedAt = this.clock.now();
    deployment.reason =
      `pod '${instance.pod}': new instances ended ${failures} times (maxFailures ${limit}); ` +
      `the last, ${instance.id}, ${status.state}${detail}`;
    // What the update started and is not healthy goes; the old instances left stay.
    const hasCheck = pod?.healthCheck !== undefined;
    for (const member of snapshot.instances) {
      if (member.pod !== instance.pod || member.version !== snapshot.version) continue;
      const task = member.task;
      const healthy = task?.state === 'TASK_RUNNING' && (!hasCheck || task.healthy === true);
      if (member.goal === 'run' && !healthy) member.goal = 'remove';
    }
    this.event({
      type: 'deployment-failed',
      deployment: deployment.id,
      version: deployment.version,
      reason: deployment.reason,
    });
  }

  // --- Definitions ----------------------------------------------------------------------

  private applyDefinition(
    snapshot: ServiceSnapshot,
    definition: ServiceDefinition,
  ): DeploymentRecord | undefined {
    const was = snapshot.version;
    snapshot.older[String(was)] = snapshot.definition;
    snapshot.definition = definition;
    snapshot.version = was + 1;
    for (const pod of definition.pods) {
      for (const instance of snapshot.instances) {
        if (instance.pod !== pod.name || instance.goal === 'remove') continue;
        const own = podOf(snapshot, instance);
        // Same task: the instance runs the new version as it is.
        if (own && taskKey(own) === taskKey(pod)) instance.version = snapshot.version;
      }
    }
    const previous = snapshot.deployment;
    if (previous?.state === 'running') {
      previous.state = 'superseded';
      previous.endedAt = this.clock.now();
    }
    const pods = definition.pods
      .filter((pod) =>
        snapshot.instances.some(
          (i) => i.pod === pod.name && i.goal !== 'remove' && i.version !== snapshot.version,
        ),
      )
      .map((pod) => pod.name);
    if (pods.length === 0) return undefined;
    snapshot.deployments++;
    snapshot.deployment = {
      id: snapshot.deployments,
      version: snapshot.version,
      startedAt: this.clock.now(),
      state: 'running',
      pods,
      failures: {},
    };
    this.event({
      type: 'deployment-started',
      deployment: snapshot.deployment.id,
      version: snapshot.version,
      pods,
    });
    return { ...snapshot.deployment };
  }

  // --- Acting ---------------------------------------------------------------------------

  /** After anything changed: converge, forget what is gone, save, kill, and ask for offers. */
  private async afterChange(): Promise<void> {
    const snapshot = this.current();
    converge(snapshot, this.clock.now(), this.emitter());
    for (const instance of [...snapshot.instances]) {
      if (instance.goal === 'remove' && !instance.task) {
        snapshot.instances.splice(snapshot.instances.indexOf(instance), 1);
        if (instance.resident) {
          snapshot.releasing = [
            ...(snapshot.releasing ?? []),
            reservationOwner(snapshot.definition.name, instance.id),
          ];
        }
        this.placementProblems.delete(instance.id);
        this.event({ type: 'instance-removed', instance: instance.id });
      }
    }
    await this.save();
    this.killSurplus();
    this.offerInterest();
  }

  private killSurplus(): void {
    if (!this.driver || !this.registered_) return;
    const now = this.clock.now();
    for (const instance of this.current().instances) {
      const task = instance.task;
      if (!task || task.killRequested || (instance.goal !== 'remove' && !task.restarting)) continue;
      task.killRequested = true;
      this.driver.killTask({ value: task.taskId });
      addHistory(instance, {
        at: now,
        event: 'kill-requested',
        taskId: task.taskId,
        ...(task.restarting ? { reason: 'restart' } : {}),
      });
      this.event({ type: 'instance-kill-requested', instance: instance.id, taskId: task.taskId });
    }
  }

  /** Instances to launch now, in the order of their pods, then their numbers. */
  private launchable(now: number): InstanceRecord[] {
    const snapshot = this.current();
    const order = snapshot.definition.pods.map((p) => p.name);
    return snapshot.instances
      .filter((i) => i.goal === 'run' && !i.task && (i.delayUntil ?? 0) <= now)
      .sort(
        (a, b) =>
          order.indexOf(a.pod) - order.indexOf(b.pod) || instanceNumber(a) - instanceNumber(b),
      );
  }

  /** Where each pod's instances run or are being launched. */
  private placesByPod(): Map<string, Place[]> {
    const places = new Map<string, Place[]>();
    for (const instance of this.current().instances) {
      if (!instance.task) continue;
      places.set(instance.pod, [...(places.get(instance.pod) ?? []), instance.task.place]);
    }
    return places;
  }

  /**
   * DESTROY and UNRESERVE of what the offer holds of removed resident instances (or of any
   * instance this service no longer knows).
   */
  private releases(offer: Offer): Input<Offer_Operation>[] {
    const snapshot = this.current();
    const service = snapshot.definition.name;
    const known = new Set(
      snapshot.instances.filter((i) => i.resident).map((i) => reservationOwner(service, i.id)),
    );
    const { operations, owners } = releaseOrphans(offer.resources, service, (owner) =>
      known.has(owner),
    );
    if (owners.length > 0 && snapshot.releasing) {
      snapshot.releasing = snapshot.releasing.filter((owner) => !owners.includes(owner));
      if (snapshot.releasing.length === 0) delete snapshot.releasing;
    }
    return operations;
  }

  /** Assigns waiting instances to the offer while they fit; their tasks, and operations before. */
  private fill(
    offer: Offer,
    waiting: InstanceRecord[],
    places: Map<string, Place[]>,
    now: number,
  ): { tasks: Input<TaskInfo>[]; operations: Input<Offer_Operation>[] } {
    const snapshot = this.current();
    const place = placeOf(offer.hostname, offer.attributes);
    let remaining: ResourceLike[] = offer.resources;
    const tasks: Input<TaskInfo>[] = [];
    const operations: Input<Offer_Operation>[] = [];
    for (const instance of waiting) {
      if (instance.task) continue;
      const pod = podOf(snapshot, instance);
      if (!pod) continue;
      const others = places.get(pod.name) ?? [];
      const problem = firstViolation(pod.constraints ?? [], place, others);
      if (problem !== undefined) {
        this.placementProblems.set(instance.id, problem);
        continue;
      }
      const owner = reservationOwner(snapshot.definition.name, instance.id);
      let taken: InstanceResources | undefined;
      if (pod.volumes?.length) {
        const resident = this.residentLaunch(offer, remaining, pod, instance, owner);
        if (typeof resident === 'string') {
          this.placementProblems.set(instance.id, resident);
          continue;
        }
        operations.push(...resident.operations);
        taken = resident.resources;
        instance.resident ??= { agentId: offer.slaveId.value, place };
      } else {
        taken = takeForInstance(remaining, pod);
        if (!taken) {
          this.placementProblems.set(instance.id, `the offers hold too little for the pod`);
          continue;
        }
      }
      this.placementProblems.delete(instance.id);
      remaining = taken.remaining;
      instance.launches++;
      const taskId = instanceTaskId(snapshot.definition.name, instance.id, instance.launches);
      tasks.push(
        buildTask(
          {
            service: snapshot.definition.name,
            pod,
            instanceId: instance.id,
            version: instance.version,
            launch: instance.launches,
            agentId: offer.slaveId,
            hostname: offer.hostname,
            resources: taken,
          },
          taskId,
        ),
      );
      instance.task = {
        taskId,
        agentId: offer.slaveId.value,
        place,
        ports: taken.ports,
        state: 'TASK_STAGING',
        launchedAt: now,
      };
      instance.delayUntil = undefined;
      places.set(pod.name, [...others, place]);
      addHistory(instance, { at: now, event: 'launched', taskId });
      this.event({
        type: 'instance-launched',
        instance: instance.id,
        taskId,
        agentId: offer.slaveId.value,
        hostname: offer.hostname,
      });
    }
    return { tasks, operations };
  }

  /** A resident instance's launch from this offer, or why it cannot launch here. */
  private residentLaunch(
    offer: Offer,
    remaining: ResourceLike[],
    pod: PodDefinition,
    instance: InstanceRecord,
    owner: string,
  ): ResidentLaunch | string {
    if (instance.resident) {
      if (offer.slaveId.value !== instance.resident.agentId) {
        return `waiting for agent ${instance.resident.agentId}, which holds its volumes`;
      }
      return (
        relaunchResident(remaining, pod, owner) ??
        `waiting for agent ${instance.resident.agentId} to offer its reserved resources and volumes`
      );
    }
    const role = pod.resources.role!;
    if (offer.allocationInfo?.role !== role) {
      return `no offer allocated to role '${role}' fits: a pod with volumes needs a framework with the MULTI_ROLE and RESERVATION_REFINEMENT capabilities and '${role}' among its roles`;
    }
    if (offer.resources.some((r) => r.role !== undefined || r.reservation !== undefined)) {
      return `the offers are in the pre-refinement format ('role'): a pod with volumes needs a framework with the RESERVATION_REFINEMENT capability`;
    }
    return (
      reserveForInstance(remaining, pod, owner, this.principal) ??
      `the offers hold too little for the pod and its volumes`
    );
  }

  /**
   * Tells the master whether offers are wanted: revived when an instance waits to launch
   * (which also clears the filters of earlier declines), suppressed when none does; a
   * timer revives them when the next backoff delay ends.
   */
  private offerInterest(): void {
    const driver = this.driver;
    if (!driver || !this.registered_) return;
    const now = this.clock.now();
    const waiting = this.current().instances.filter((i) => i.goal === 'run' && !i.task);
    const wanting =
      waiting.some((i) => (i.delayUntil ?? 0) <= now) || !!this.current().releasing?.length;
    if (wanting !== this.wanting) {
      if (wanting) driver.reviveOffers();
      else driver.suppressOffers();
      this.wanting = wanting;
    }
    const later = waiting
      .map((i) => i.delayUntil ?? 0)
      .filter((at) => at > now)
      .sort((a, b) => a - b)[0];
    if (later === undefined || this.wake?.at === later) return;
    this.wake?.cancel();
    const timer = this.clock.setTimeout(() => {
      this.wake = undefined;
      void this.serial(() => this.offerInterest()).catch(() => undefined);
    }, later - now);
    this.wake = { at: later, cancel: () => timer.cancel() };
  }

  // --- Events ---------------------------------------------------------------------------

  private emitter(): Emit {
    return (event) => this.event(event);
  }

  private event(event: Parameters<Emit>[0]): void {
    const stamped = { at: this.clock.now(), ...event } as ServiceEvent;
    this.recent.push(stamped);
    if (this.recent.length > RECENT_EVENTS)
      this.recent.splice(0, this.recent.length - RECENT_EVENTS);
    this.emit('event', stamped);
  }
}

function seconds(value: number | undefined, fallback: number, where: string): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
    throw new InvalidArgumentError(where, `expected a number of seconds ≥ 0, got ${String(value)}`);
  }
  return value;
}
