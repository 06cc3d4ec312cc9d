import type { ResourceLike } from '../helpers';
import { addResources, isTerminal, scalarTotal } from '../helpers';
import { merged, subtract } from '../helpers/resources';
import { containsResources } from '../helpers';
import type {
  ContainerStatus,
  Filters,
  FrameworkInfo,
  Offer_Operation,
  TaskInfo,
  TaskState,
  TaskStatus,
  TaskStatus_Reason,
} from '../messages/types.generated';
import type { AgentExecutor, AgentTask, SimAgent } from './agent';
import { applyResourceOperation, RESOURCE_OPERATIONS } from './offer-operations';
import { hasCapability, rolesOf, type SchedulerLink, type SimFramework } from './framework-view';
import { allocated, validateOfferIds, validateTask, type OfferRecord } from './launch-validation';
import type { TaskScript } from './task-script';
import type { VirtualClock, VirtualTimer } from './virtual-clock';

/** Filters().refuse_seconds's default in mesos.proto. */
export const DEFAULT_REFUSE_SECONDS = 5;
const MAX_REFUSE_SECONDS = 365 * 24 * 3600;

/** What the master needs from the cluster around it. */
export interface MasterHost {
  clock: VirtualClock;
  agents(): SimAgent[];
  scriptFor(task: TaskInfo, agent: SimAgent): TaskScript;
  timestamp(): number;
  /** A master-side limitation was hit: the test fails with this. */
  unsupported(what: string): void;
  allocationIntervalMs: number;
  offerTimeoutMs: number | undefined;
  /** The executor of a task gets a framework message (user executors, or recorded). */
  messageToExecutor(
    frameworkId: string,
    agentId: string,
    executorId: string,
    data: Uint8Array,
  ): void;
}

/** The simulated Mesos master and its allocator (one master at a time; failover renews it). */
export class SimMaster {
  generation = 1;
  private readonly frameworks = new Map<string, SimFramework>();
  private readonly offers = new Map<string, OfferRecord & { timeout?: VirtualTimer }>();
  private readonly unreachableAgents = new Set<string>();
  private nextFramework = 0;
  private nextOffer = 0;
  private up = true;
  /** Drivers that subscribed while no master led: they subscribe when one does. */
  private waiting: (() => void)[] = [];
  /** Bumped by everything that can change what an allocation offers. */
  private version = 0;
  private allocatedVersion = -1;

  constructor(private readonly host: MasterHost) {
    const tick = () => {
      this.allocate();
      this.host.clock.schedule(this.host.allocationIntervalMs, tick);
    };
    this.host.clock.schedule(this.host.allocationIntervalMs, tick);
  }

  get id(): string {
    return `5e1a0000-0000-4000-8000-${String(this.generation).padStart(12, '0')}`;
  }

  info(): object {
    return {
      id: this.id,
      ip: 0x0100007f,
      port: 5050,
      pid: 'master@127.0.0.1:5050',
      hostname: 'sim-master',
      version: '1.12.0',
      address: { hostname: 'sim-master', ip: '127.0.0.1', port: 5050 },
    };
  }

  frameworkList(): SimFramework[] {
    return [...this.frameworks.values()];
  }

  outstandingOffers(): OfferRecord[] {
    return [...this.offers.values()];
  }

  // --- Scheduler calls -------------------------------------------------------------------

  /** SUBSCRIBE from a driver that started (or a scheduler failing over with its id). */
  subscribe(
    link: SchedulerLink,
    info: FrameworkInfo,
    suppressedRoles: string[] | null,
  ): SimFramework | undefined {
    this.version++;
    if (!this.up) return undefined;
    const existing = info.id ? this.frameworks.get(info.id.value) : undefined;
    const id =
      existing?.id ??
      info.id?.value ??
      `${this.id}-${String(this.nextFramework++).padStart(4, '0')}`;
    const framework: SimFramework = existing ?? {
      id,
      info,
      link,
      roles: [],
      suppressed: new Set(),
      partitionAware: false,
      active: true,
      filters: [],
      tasks: new Map(),
      unreachableTasks: new Set(),
      order: this.frameworks.size,
    };
    framework.link = link;
    this.setInfo(framework, { ...info, id: { value: id } }, suppressedRoles ?? []);
    framework.active = true;
    this.frameworks.set(id, framework);
    link.registered(id, this.info());
    this.host.clock.schedule(0, () => this.allocate());
    return framework;
  }

  private setInfo(framework: SimFramework, info: FrameworkInfo, suppressed: string[]): void {
    framework.info = info;
    framework.roles = rolesOf(info);
    framework.suppressed = new Set(suppressed);
    framework.partitionAware = hasCapability(info, 'PARTITION_AWARE');
  }

  /** Runs `fn` now if a master leads, else once one does (a driver's subscription). */
  whenLeading(fn: () => void): void {
    if (this.up) fn();
    else this.waiting.push(fn);
  }

  /** stop() without failover: the framework and its tasks are gone. */
  teardown(framework: SimFramework): void {
    this.version++;
    framework.active = false;
    this.removeOffers(framework);
    for (const agent of this.host.agents()) agent.removeFramework(framework.id);
    this.frameworks.delete(framework.id);
  }

  /** stop(failover) or abort(): the framework stays, its tasks run on, no offers. */
  deactivate(framework: SimFramework): void {
    this.version++;
    framework.active = false;
    this.removeOffers(framework);
  }

  decline(framework: SimFramework, offerId: string, filters: Filters | undefined): void {
    this.version++;
    const offer = this.offers.get(offerId);
    if (!offer || offer.frameworkId !== framework.id) return;
    this.dropOffer(offer);
    this.refuse(framework, offer, offer.resources, filters);
  }

  accept(
    framework: SimFramework,
    offerIds: string[],
    operations: Offer_Operation[],
    filters: Filters | undefined,
  ): void {
    this.version++;
    const error = validateOfferIds(offerIds, framework.id, (id) => this.offers.get(id));
    if (error !== undefined) {
      for (const id of offerIds) {
        const offer = this.offers.get(id);
        if (offer && offer.frameworkId === framework.id) this.dropOffer(offer);
      }
      for (const operation of operations) {
        for (const task of tasksOf(operation)) {
          this.sendMasterUpdate(framework, task.taskId.value, task.slaveId.value, {
            state: framework.partitionAware ? 'TASK_DROPPED' : 'TASK_LOST',
            message: `Task launched with invalid offers: ${error}`,
            reason: 'REASON_INVALID_OFFERS',
          });
        }
      }
      return;
    }
    const used = offerIds.map((id) => this.offers.get(id)!);
    for (const offer of used) this.dropOffer(offer);
    const first = used[0];
    const agent = this.agent(first.agentId)!;
    let remaining = merged(used.flatMap((o) => o.resources));
    const launched: string[] = [];
    for (const operation of operations) {
      if ((RESOURCE_OPERATIONS as readonly (string | undefined)[]).includes(operation.type)) {
        if (!hasCapability(framework.info, 'RESERVATION_REFINEMENT')) {
          this.host.unsupported(
            `${operation.type} operations of frameworks without RESERVATION_REFINEMENT`,
          );
          continue;
        }
        const target = { offered: remaining, total: agent.total };
        // The master drops an invalid operation and carries on with the next (the reason
        // goes to its log only); a framework without operation feedback hears nothing.
        if (applyResourceOperation(operation, target) === undefined) {
          remaining = target.offered;
          agent.total = target.total;
        }
        continue;
      }
      if (operation.type !== 'LAUNCH') {
        this.host.unsupported(
          `${operation.type} operations (LAUNCH, RESERVE, UNRESERVE, CREATE and DESTROY are simulated)`,
        );
        continue;
      }
      for (const task of operation.launch?.taskInfos ?? []) {
        const result = validateTask(task, {
          frameworkId: framework.id,
          agentId: agent.id,
          role: first.role,
          isKnownTask: (id) => framework.tasks.has(id),
          isUnreachableTask: (id) => framework.unreachableTasks.has(id),
          hasExecutor: (id) =>
            agent.executor(framework.id, id) !== undefined || launched.includes(id),
          available: remaining,
        });
        if ('error' in result) {
          this.sendMasterUpdate(framework, task.taskId.value, task.slaveId.value, {
            state: 'TASK_ERROR',
            message: result.error,
            reason: 'REASON_TASK_INVALID',
          });
          continue;
        }
        remaining = subtract(remaining, result.consumed);
        const executorId = task.executor?.executorId.value;
        const executorIsNew =
          executorId !== undefined &&
          agent.executor(framework.id, executorId) === undefined &&
          !launched.includes(executorId);
        if (executorId !== undefined) launched.push(executorId);
        const executorResources = executorIsNew
          ? allocated(task.executor?.resources, first.role)
          : [];
        const info: TaskInfo = task.executor
          ? {
              ...task,
              executor: { ...task.executor, frameworkId: { value: framework.id } },
            }
          : task;
        framework.tasks.set(task.taskId.value, {
          info,
          agentId: agent.id,
          state: 'TASK_STAGING',
          holds: allocated(task.resources, first.role),
        });
        agent.launch(framework.id, info, this.host.scriptFor(info, agent), executorResources, {
          killingState: hasCapability(framework.info, 'TASK_KILLING_STATE'),
        });
      }
    }
    if (remaining.length > 0) this.refuse(framework, first, remaining, filters);
  }

  kill(framework: SimFramework, taskId: string): void {
    this.version++;
    const task = framework.tasks.get(taskId);
    if (!task) {
      this.reconcile(framework, [{ taskId: { value: taskId } } as TaskStatus]);
      return;
    }
    const agent = this.agent(task.agentId);
    const running = agent?.task(framework.id, taskId);
    if (agent && running) agent.kill(running);
  }

  acknowledge(framework: SimFramework, agentId: string, taskId: string, uuid: Uint8Array): void {
    this.version++;
    const agent = this.agent(agentId);
    const running = agent?.task(framework.id, taskId);
    if (!agent || !running) return;
    const wasTerminal = isTerminal(running.stream[0]?.state ?? 'TASK_STAGING');
    if (agent.acknowledge(running, uuid) && wasTerminal && running.stream.length === 0) {
      framework.tasks.delete(taskId);
    }
  }

  reconcile(framework: SimFramework, statuses: TaskStatus[]): void {
    this.version++;
    if (statuses.length === 0) {
      for (const [id, task] of framework.tasks) {
        this.sendMasterUpdate(framework, id, task.agentId, {
          state: task.statusUpdateState ?? task.state,
          message: 'Reconciliation: Latest task state',
          reason: 'REASON_RECONCILIATION',
          executorId: task.info.executor?.executorId.value,
          containerStatus: task.containerStatus,
        });
      }
      return;
    }
    for (const status of statuses) {
      const id = status.taskId.value;
      const agentId = status.slaveId?.value;
      const task = framework.tasks.get(id);
      const reply = (state: TaskState, message: string, agent = agentId) =>
        this.sendMasterUpdate(framework, id, agent, {
          state,
          message,
          reason: 'REASON_RECONCILIATION',
        });
      if (task) {
        this.sendMasterUpdate(framework, id, task.agentId, {
          state: task.statusUpdateState ?? task.state,
          message: 'Reconciliation: Latest task state',
          reason: 'REASON_RECONCILIATION',
          executorId: task.info.executor?.executorId.value,
          containerStatus: task.containerStatus,
        });
      } else if (agentId !== undefined && this.agent(agentId)?.reachable) {
        reply(
          framework.partitionAware ? 'TASK_GONE' : 'TASK_LOST',
          'Reconciliation: Task is unknown to the agent',
        );
      } else if (agentId !== undefined && this.unreachableAgents.has(agentId)) {
        reply(
          framework.partitionAware ? 'TASK_UNREACHABLE' : 'TASK_LOST',
          'Reconciliation: Task is unreachable',
        );
      } else {
        reply(
          framework.partitionAware ? 'TASK_UNKNOWN' : 'TASK_LOST',
          'Reconciliation: Task is unknown',
        );
      }
    }
  }

  revive(framework: SimFramework, roles: string[] | null): void {
    this.version++;
    const which = roles ?? framework.roles;
    framework.filters = framework.filters.filter((f) => !which.includes(f.role));
    for (const role of which) framework.suppressed.delete(role);
    this.host.clock.schedule(0, () => this.allocate());
  }

  suppress(framework: SimFramework, roles: string[] | null): void {
    this.version++;
    for (const role of roles ?? framework.roles) framework.suppressed.add(role);
  }

  updateFramework(framework: SimFramework, info: FrameworkInfo, suppressedRoles: string[]): void {
    this.version++;
    this.setInfo(framework, { ...info, id: { value: framework.id } }, suppressedRoles);
    for (const offer of [...this.offers.values()]) {
      if (offer.frameworkId === framework.id && !framework.roles.includes(offer.role)) {
        this.rescind(offer.id);
      }
    }
    this.host.clock.schedule(0, () => this.allocate());
  }

  frameworkMessage(
    framework: SimFramework,
    executorId: string,
    agentId: string,
    data: Uint8Array,
  ): void {
    this.host.messageToExecutor(framework.id, agentId, executorId, data);
  }

  // --- From agents -------------------------------------------------------------------

  /** An agent's status update manager sends an update (or resends it). */
  fromAgent(agent: SimAgent, running: AgentTask, status: TaskStatus, latest: TaskState): void {
    this.version++;
    if (!this.up) return;
    const framework = this.frameworks.get(running.frameworkId);
    if (!framework) return;
    const task = framework.tasks.get(running.info.taskId.value);
    if (task) {
      task.state = latest;
      task.statusUpdateState = status.state;
      if (status.containerStatus) task.containerStatus = status.containerStatus;
      if (isTerminal(latest)) task.holds = [];
    }
    if (framework.link.listening) framework.link.update(status);
  }

  executorExited(agent: SimAgent, executor: AgentExecutor, status: number): void {
    this.version++;
    const framework = this.frameworks.get(executor.frameworkId);
    if (framework?.link.listening) {
      framework.link.executorLost(executor.info.executorId.value, agent.id, status);
    }
  }

  // --- Faults ------------------------------------------------------------------------

  /** The offer goes back to the allocator and the framework hears offerRescinded. */
  rescind(offerId: string): boolean {
    this.version++;
    const offer = this.offers.get(offerId);
    if (!offer) return false;
    this.dropOffer(offer);
    const framework = this.frameworks.get(offer.frameworkId);
    if (framework?.link.listening) framework.link.rescinded(offerId);
    return true;
  }

  /** The master removes the framework: its driver aborts with error(message). */
  removeFramework(framework: SimFramework, message: string): void {
    this.version++;
    const link = framework.link;
    this.teardown(framework);
    if (link.listening) link.error(message);
  }

  /** The agent failed its health checks: its tasks are unreachable (or lost), then slaveLost. */
  markUnreachable(agent: SimAgent, message: string): void {
    this.version++;
    if (!agent.reachable) return;
    agent.reachable = false;
    this.unreachableAgents.add(agent.id);
    for (const framework of this.frameworks.values()) {
      for (const [id, task] of [...framework.tasks]) {
        if (task.agentId !== agent.id) continue;
        framework.tasks.delete(id);
        framework.unreachableTasks.add(id);
        this.sendMasterUpdate(framework, id, agent.id, {
          state: framework.partitionAware ? 'TASK_UNREACHABLE' : 'TASK_LOST',
          message,
          reason: 'REASON_SLAVE_REMOVED',
          executorId: task.info.executor?.executorId.value,
        });
      }
    }
    for (const offer of [...this.offers.values()]) {
      if (offer.agentId === agent.id) this.rescind(offer.id);
    }
    for (const framework of this.frameworks.values()) {
      if (framework.link.listening) framework.link.agentLost(agent.id);
    }
  }

  /** The leading master fails: every framework is disconnected; a new one leads after downMs. */
  failover(downMs: number): void {
    this.version++;
    this.up = false;
    for (const offer of [...this.offers.values()]) this.dropOffer(offer);
    for (const framework of this.frameworks.values()) {
      framework.filters = [];
      if (framework.link.listening) framework.link.disconnected();
    }
    this.host.clock.schedule(downMs, () => {
      this.generation++;
      this.up = true;
      for (const framework of this.frameworks.values()) {
        // Tasks the agents no longer report (acknowledged terminal ones) are forgotten.
        for (const [id, task] of [...framework.tasks]) {
          if (isTerminal(task.state) && task.statusUpdateState === undefined)
            framework.tasks.delete(id);
        }
        // The new master does not know the framework (or knows it only from its agents):
        // it answers the driver's subscription with FrameworkRegisteredMessage (MESOS-786).
        framework.link.registered(framework.id, this.info());
        framework.active = framework.link.listening;
      }
      for (const subscribe of this.waiting.splice(0)) subscribe();
      for (const agent of this.host.agents()) if (agent.reachable) agent.resendAll();
      this.host.clock.schedule(0, () => this.allocate());
    });
  }

  /**
   * The scheduler's connection to the master breaks: the master deactivates the framework and
   * takes back its offers; after downMs the driver subscribes again and, known to this
   * master, is reregistered.
   */
  disconnect(framework: SimFramework, downMs: number): void {
    this.version++;
    if (!framework.link.listening) return;
    framework.active = false;
    this.removeOffers(framework);
    framework.link.disconnected();
    this.host.clock.schedule(downMs, () => {
      this.version++;
      if (!this.up || this.frameworks.get(framework.id) !== framework) return;
      framework.link.reregistered(this.info());
      framework.active = framework.link.listening;
      this.host.clock.schedule(0, () => this.allocate());
    });
  }

  /** A new agent: the next allocation offers it. */
  agentAdded(): void {
    this.version++;
  }

  // --- Allocation --------------------------------------------------------------------

  private agent(id: string): SimAgent | undefined {
    return this.host.agents().find((a) => a.id === id);
  }

  /** Resources of the agent neither held by tasks or executors nor offered, unallocated. */
  free(agent: SimAgent): ResourceLike[] {
    let free = merged(agent.total);
    const take = (resources: ResourceLike[]) => {
      const plain = unallocate(resources);
      if (plain.length > 0 && containsResources(free, plain)) free = subtract(free, plain);
    };
    for (const framework of this.frameworks.values()) {
      for (const task of framework.tasks.values()) if (task.agentId === agent.id) take(task.holds);
    }
    for (const executor of agent.executors.values()) take(executor.resources);
    for (const offer of this.offers.values()) if (offer.agentId === agent.id) take(offer.resources);
    return free;
  }

  /** One allocation: each agent's free resources go, role by role, to one framework. */
  allocate(): void {
    if (!this.up) return;
    const now = this.host.clock.now;
    const expired = this.frameworkList().some((f) => f.filters.some((x) => x.expiresAt < now));
    // Nothing changed since the last allocation: it would offer nothing new.
    if (this.version === this.allocatedVersion && !expired) return;
    const made = new Map<SimFramework, object[]>();
    for (const agent of this.host.agents()) {
      if (!agent.reachable) continue;
      for (const framework of this.byShare()) {
        if (!framework.active || !framework.link.listening) continue;
        framework.filters = framework.filters.filter((f) => f.expiresAt >= now);
        for (const role of framework.roles) {
          if (framework.suppressed.has(role)) continue;
          const free = this.free(agent).filter((r) => allocatableTo(r, role));
          if (!worthOffering(free)) continue;
          const filtered = framework.filters.some(
            (f) =>
              f.agentId === agent.id && f.role === role && containsResources(f.resources, free),
          );
          if (filtered) continue;
          const offer = this.makeOffer(framework, agent, role, free);
          made.set(framework, [...(made.get(framework) ?? []), offer]);
        }
      }
    }
    this.allocatedVersion = this.version;
    for (const [framework, offers] of made) framework.link.offers(offers);
  }

  private makeOffer(
    framework: SimFramework,
    agent: SimAgent,
    role: string,
    free: ResourceLike[],
  ): object {
    const id = `${this.id}-O${this.nextOffer++}`;
    const resources = allocated(free, role);
    const record: OfferRecord & { timeout?: VirtualTimer } = {
      id,
      frameworkId: framework.id,
      agentId: agent.id,
      role,
      resources,
    };
    if (this.host.offerTimeoutMs !== undefined) {
      record.timeout = this.host.clock.schedule(this.host.offerTimeoutMs, () => this.rescind(id));
    }
    this.offers.set(id, record);
    const refinement = hasCapability(framework.info, 'RESERVATION_REFINEMENT');
    // As the master (master.cpp, MESOS-8237): a framework without MULTI_ROLE gets offers and
    // resources without allocationInfo.
    const multiRole = hasCapability(framework.info, 'MULTI_ROLE');
    const shown = multiRole ? resources : unallocated(resources);
    return {
      id: { value: id },
      frameworkId: { value: framework.id },
      slaveId: { value: agent.id },
      hostname: agent.hostname,
      url: {
        scheme: 'http',
        address: { hostname: agent.hostname, ip: '127.0.0.1', port: 5051 },
        path: '/slave(1)',
      },
      resources: refinement ? shown : shown.map(downgrade),
      attributes: agent.attributes,
      executorIds: [...agent.executors.values()]
        .filter((e) => e.frameworkId === framework.id)
        .map((e) => e.info.executorId),
      ...(multiRole ? { allocationInfo: { role } } : {}),
    };
  }

  /** Frameworks by dominant share (a DRF-like order), then by registration. */
  private byShare(): SimFramework[] {
    const totals = { cpus: 0, mem: 0 };
    for (const agent of this.host.agents()) {
      totals.cpus += scalarTotal(agent.total, 'cpus');
      totals.mem += scalarTotal(agent.total, 'mem');
    }
    const share = (framework: SimFramework): number => {
      let held: ResourceLike[] = [];
      for (const task of framework.tasks.values())
        held = addResources(held, unallocate(task.holds));
      for (const offer of this.offers.values()) {
        if (offer.frameworkId === framework.id)
          held = addResources(held, unallocate(offer.resources));
      }
      return Math.max(
        totals.cpus ? scalarTotal(held, 'cpus') / totals.cpus : 0,
        totals.mem ? scalarTotal(held, 'mem') / totals.mem : 0,
      );
    };
    return [...this.frameworks.values()]
      .map((framework) => ({ framework, share: share(framework) }))
      .sort((a, b) => a.share - b.share || a.framework.order - b.framework.order)
      .map((entry) => entry.framework);
  }

  private dropOffer(offer: OfferRecord & { timeout?: VirtualTimer }): void {
    offer.timeout?.cancel();
    this.offers.delete(offer.id);
  }

  private removeOffers(framework: SimFramework): void {
    for (const offer of [...this.offers.values()]) {
      if (offer.frameworkId === framework.id) this.dropOffer(offer);
    }
  }

  /** Resources back to the allocator, with a refusal filter as recoverResources makes it. */
  private refuse(
    framework: SimFramework,
    offer: OfferRecord,
    resources: ResourceLike[],
    filters: Filters | undefined,
  ): void {
    let seconds = filters?.refuseSeconds ?? DEFAULT_REFUSE_SECONDS;
    if (seconds > MAX_REFUSE_SECONDS) seconds = MAX_REFUSE_SECONDS;
    else if (seconds < 0 || !Number.isFinite(seconds)) seconds = DEFAULT_REFUSE_SECONDS;
    if (seconds === 0) return;
    const ms = Math.max(this.host.allocationIntervalMs, seconds * 1000);
    framework.filters.push({
      agentId: offer.agentId,
      role: offer.role,
      resources: unallocate(resources),
      expiresAt: this.host.clock.now + ms,
    });
  }

  /** A status update the master makes itself (no uuid: nothing to acknowledge). */
  private sendMasterUpdate(
    framework: SimFramework,
    taskId: string,
    agentId: string | undefined,
    fields: {
      state: TaskState;
      message: string;
      reason: TaskStatus_Reason;
      executorId?: string;
      containerStatus?: ContainerStatus;
    },
  ): void {
    if (!framework.link.listening) return;
    framework.link.update({
      taskId: { value: taskId },
      state: fields.state,
      message: fields.message,
      source: 'SOURCE_MASTER',
      reason: fields.reason,
      ...(agentId !== undefined ? { slaveId: { value: agentId } } : {}),
      ...(fields.executorId !== undefined ? { executorId: { value: fields.executorId } } : {}),
      ...(fields.containerStatus ? { containerStatus: fields.containerStatus } : {}),
      timestamp: this.host.timestamp(),
    } as TaskStatus);
  }
}

function tasksOf(operation: Offer_Operation): TaskInfo[] {
  if (operation.type === 'LAUNCH') return operation.launch?.taskInfos ?? [];
  if (operation.type === 'LAUNCH_GROUP') return operation.launchGroup?.taskGroup.tasks ?? [];
  return [];
}

function unallocate(resources: ResourceLike[]): ResourceLike[] {
  return merged(
    resources.map((r) => {
      const { allocationInfo: _allocation, ...rest } = r;
      return rest;
    }),
  );
}

/** Unreserved resources go to any role; reserved ones to their role only. */
function allocatableTo(resource: ResourceLike, role: string): boolean {
  const reservations = resource.reservations ?? [];
  const reservedFor = reservations.length
    ? reservations[reservations.length - 1].role
    : resource.role;
  return reservedFor === undefined || reservedFor === '*' || reservedFor === role;
}

/** Mesos's default min_allocatable_resources: at least 0.01 cpus or 32 MB of memory. */
function worthOffering(free: ResourceLike[]): boolean {
  return scalarTotal(free, 'cpus') >= 0.01 || scalarTotal(free, 'mem') >= 32;
}

/** Resources without their allocationInfo, each as it was. */
function unallocated(resources: ResourceLike[]): ResourceLike[] {
  return resources.map((r) => {
    const { allocationInfo: _allocation, ...rest } = r;
    return rest;
  });
}

/**
 * A resource as frameworks without RESERVATION_REFINEMENT see it (convertResourceFormat's
 * PRE_RESERVATION_REFINEMENT): `role` '*' when unreserved, else the reservation's role.
 */
function downgrade(resource: ResourceLike): ResourceLike {
  const reservations = resource.reservations ?? [];
  if (reservations.length === 0) return { ...resource, role: resource.role ?? '*' };
  const { reservations: _r, ...rest } = resource;
  return { ...rest, role: reservations[reservations.length - 1].role ?? '*' };
}
