import { InvalidArgumentError } from '../errors';
import type { Filters, TaskInfo, TaskState, TaskStatus } from '../messages/types.generated';
import { withBinding } from '../native/load';
import type { Scheduler } from '../scheduler/scheduler';
import { MesosSchedulerDriver, type SchedulerDriverOptions } from '../scheduler/scheduler-driver';
import type { Executor } from '../executor/executor';
import type { ExecutorInfo } from '../messages/types.generated';
import { SimAgent } from './agent';
import { startExecutorRun } from './executor-run';
import {
  attributesOf,
  checkedResources,
  DEFAULT_AGENT_RESOURCES,
  parseResources,
  type AgentSpec,
} from './agent-spec';
import { toMilliseconds, type Duration } from './duration';
import {
  History,
  type DeclineRecord,
  type LaunchRecord,
  type RecordedCall,
  type RecordedEvent,
} from './history';
import { SimMaster } from './master';
import { simulatedBinding } from './sim-binding';
import type { SimulationHost } from './simulation-host';
import { checkScript, defaultScript, type TaskRule, type TaskScript } from './task-script';
import { VirtualClock } from './virtual-clock';

/** Options of a simulated cluster. */
export interface SimulatedClusterOptions {
  /** The agents at the start. Default: one agent with the default resources. */
  agents?: AgentSpec[];
  /** Time between allocations (Mesos's --allocation_interval). Default '1s'. */
  allocationInterval?: Duration;
  /** Offers not answered in this time are rescinded (--offer_timeout). Default: never. */
  offerTimeout?: Duration;
  /**
   * How long a custom executor lives after its last task ended, before it exits (status 0)
   * and the scheduler hears executorLost. 'forever' keeps it (and its resources). Default '1s'.
   */
  executorLinger?: Duration | 'forever';
  /** Epoch seconds at virtual time 0, for status update timestamps. Default 2026-01-01. */
  startTime?: number;
}

/** Scheduler driver options for the simulated cluster: `master` is optional. */
export type SimulatedDriverOptions = Omit<SchedulerDriverOptions, 'master'> & { master?: string };

/** A task as the simulated master knows it. */
export interface SimulatedTask {
  /** The task's id. */
  taskId: string;
  /** The agent it was launched on. */
  agentId: string;
  /** Its latest state, as the master knows it. */
  state: TaskState;
  /** The TaskInfo it was launched with. */
  info: TaskInfo;
}

/** A message a scheduler sent to an executor (recorded: the simulation runs no executors). */
export interface ExecutorMessage {
  /** Virtual milliseconds since the simulation started. */
  at: number;
  /** The sending framework. */
  frameworkId: string;
  /** The agent addressed. */
  agentId: string;
  /** The executor addressed. */
  executorId: string;
  /** The message. */
  data: Uint8Array;
}

/**
 * A simulated Mesos cluster for unit tests of schedulers: a master, its allocator and agents,
 * on a virtual clock that only the test moves (`await cluster.advance('30s')`). Drivers from
 * `schedulerDriver()` are the real MesosSchedulerDriver over a simulated native binding, so
 * the scheduler sees the same calls, checks and callback rules as on a real cluster.
 */
export class SimulatedCluster {
  /** The master address drivers get by default (nothing listens there). */
  readonly masterAddress = 'master@127.0.0.1:5050';
  private readonly clock = new VirtualClock();
  private readonly history = new History(() => this.clock.now);
  private readonly agentList: SimAgent[] = [];
  private readonly rules: TaskRule[] = [];
  private readonly scripts = new Map<string, TaskScript>();
  private readonly pending = new Set<Promise<unknown>>();
  private readonly sim: SimulationHost;
  private readonly master: SimMaster;
  private readonly startTime: number;
  private failure: Error | undefined;
  private advancing = false;
  private delivered = 0;
  private settledAt = 0;
  private nextUuid = 0;
  /** Framework messages sent to executors. */
  readonly executorMessages: ExecutorMessage[] = [];
  /** Callbacks delivered to the user Executors started by runExecutor, in order. */
  readonly executorEvents: (RecordedEvent & { executorId: string })[] = [];
  private readonly executorFactories: {
    match: (info: ExecutorInfo) => boolean;
    make: (info: ExecutorInfo) => Executor;
  }[] = [];

  constructor(options: SimulatedClusterOptions = {}) {
    const allocationIntervalMs = toMilliseconds(
      options.allocationInterval ?? '1s',
      'options.allocationInterval',
    );
    if (allocationIntervalMs <= 0) {
      throw new InvalidArgumentError('options.allocationInterval', 'must be more than 0');
    }
    const offerTimeoutMs =
      options.offerTimeout === undefined
        ? undefined
        : toMilliseconds(options.offerTimeout, 'options.offerTimeout');
    const linger = options.executorLinger ?? '1s';
    const executorLingerMs =
      linger === 'forever' ? undefined : toMilliseconds(linger, 'options.executorLinger');
    this.startTime = options.startTime ?? 1_767_225_600;
    const clock = this.clock;
    this.master = new SimMaster({
      clock,
      agents: () => this.agentList,
      scriptFor: (task, agent) => this.scriptFor(task, agent),
      timestamp: () => this.timestamp(),
      unsupported: (what) => this.unsupported(what),
      allocationIntervalMs,
      offerTimeoutMs,
      messageToExecutor: (frameworkId, agentId, executorId, data) => {
        this.executorMessages.push({ at: clock.now, frameworkId, agentId, executorId, data });
        this.agentList
          .find((a) => a.id === agentId)
          ?.executor(frameworkId, executorId)
          ?.run?.frameworkMessage(data);
      },
    });
    const master = this.master;
    this.sim = {
      master,
      later: (fn) => void clock.schedule(0, fn),
      timestamp: () => this.timestamp(),
      record: (method, args, status) => this.history.call(method, args, status),
      recordLaunch: (offerIds, tasks) => this.history.launch(offerIds, tasks),
      recordDecline: (offerId: string, filters: Filters) => this.history.decline(offerId, filters),
      recordEvent: (event, args) => this.history.event(event, args),
      track: (result) => this.track(result),
      unsupported: (what) => this.unsupported(what),
    };
    this.agentHost = {
      clock,
      forward: (agent, task, status, latest) => master.fromAgent(agent, task, status, latest),
      executorExited: (agent, executor, status) => master.executorExited(agent, executor, status),
      newUuid: () => this.uuid(),
      timestamp: () => this.timestamp(),
      executorLingerMs,
      startExecutor: (agent, executor) => {
        const factory = this.executorFactories.find((f) => f.match(executor.info));
        if (!factory) return undefined;
        return startExecutorRun(
          {
            sim: this.sim,
            master,
            recordEvent: (executorId, event, args) =>
              this.executorEvents.push({ at: clock.now, executorId, event, args }),
            failed: (error) => {
              this.failure ??= error instanceof Error ? error : new Error(String(error));
            },
          },
          agent,
          executor,
          factory.make(executor.info),
        );
      },
    };
    for (const [i, spec] of (options.agents ?? [{}]).entries())
      this.addAgent(spec, `options.agents[${i}]`);
  }

  private readonly agentHost: ConstructorParameters<typeof SimAgent>[4];

  /** Adds an agent; its resources are offered from the next allocation. Returns its id. */
  addAgent(spec: AgentSpec = {}, where = 'spec'): string {
    const n = this.agentList.length;
    const resources =
      typeof spec.resources === 'string' || spec.resources === undefined
        ? parseResources(spec.resources ?? DEFAULT_AGENT_RESOURCES, `${where}.resources`)
        : checkedResources(spec.resources, `${where}.resources`);
    const agent = new SimAgent(
      `${this.master.id}-S${n}`,
      spec.hostname ?? `agent-${n + 1}`,
      resources,
      attributesOf(spec.attributes),
      this.agentHost,
    );
    this.agentList.push(agent);
    this.master.agentAdded();
    return agent.id;
  }

  /** The agents: id, hostname, and whether the master can reach it. */
  agents(): { id: string; hostname: string; reachable: boolean }[] {
    return this.agentList.map((a) => ({ id: a.id, hostname: a.hostname, reachable: a.reachable }));
  }

  /**
   * A MesosSchedulerDriver for `scheduler` on this cluster: the real driver (argument
   * checks, callback order, awaited async handlers, a throwing handler aborting), with the
   * simulated master behind it.
   */
  schedulerDriver(scheduler: Scheduler, options: SimulatedDriverOptions): MesosSchedulerDriver {
    const binding = simulatedBinding(this.sim);
    return withBinding(
      binding,
      () =>
        new MesosSchedulerDriver(scheduler, {
          ...options,
          master: options.master ?? this.masterAddress,
        }),
    );
  }

  /** Decides how launched tasks behave; rules added later are asked first. */
  onLaunch(rule: TaskRule): this {
    this.rules.unshift(rule);
    return this;
  }

  /**
   * Runs your Executor for the executors `match` selects (an executor id, or a test of the
   * ExecutorInfo): when the first task for one arrives on an agent, `make` gives the
   * Executor, which runs on a real MesosExecutorDriver over the simulated agent (registered,
   * launchTask, killTask, frameworkMessage, shutdown; its status updates and messages reach
   * the scheduler). Its tasks follow it, not scripts. When its driver stops, the executor
   * has exited (status 0).
   */
  runExecutor(
    match: string | ((info: ExecutorInfo) => boolean),
    make: (info: ExecutorInfo) => Executor,
  ): this {
    const test =
      typeof match === 'string' ? (info: ExecutorInfo) => info.executorId.value === match : match;
    this.executorFactories.unshift({ match: test, make });
    return this;
  }

  /** How the task with this id behaves when launched (before any rule). */
  scriptTask(taskId: string, script: TaskScript): this {
    checkScript(script, 'script');
    this.scripts.set(taskId, script);
    return this;
  }

  private scriptFor(task: TaskInfo, agent: SimAgent): TaskScript {
    const own = this.scripts.get(task.taskId.value);
    if (own) return own;
    for (const rule of this.rules) {
      const script = rule(task, { id: agent.id, hostname: agent.hostname });
      if (script) return script;
    }
    return defaultScript(task);
  }

  // --- Time --------------------------------------------------------------------------

  /** Virtual milliseconds since the cluster was made. */
  get now(): number {
    return this.clock.now;
  }

  /**
   * Runs `fn` once `delay` of virtual time has passed (as part of an advance(), which
   * waits for the promise it returns): a timer for schedulers that keep time of their own,
   * e.g. a ServiceScheduler's clock.
   */
  setTimeout(fn: () => unknown, delay: Duration): { cancel(): void } {
    const timer = this.clock.schedule(toMilliseconds(delay, 'delay'), () => this.track(fn()));
    return { cancel: () => timer.cancel() };
  }

  /**
   * Moves virtual time forward, running everything due on the way in order; each event's
   * handlers (and the promises they return) settle before the next thing happens.
   * Rejects when the scheduler used something the simulation does not model.
   */
  async advance(duration: Duration = 0): Promise<void> {
    const ms = toMilliseconds(duration, 'duration');
    if (this.advancing) throw new Error('advance() is already running; await it first');
    this.advancing = true;
    try {
      const target = this.clock.now + ms;
      await this.settle();
      for (let fire = this.clock.takeDue(target); fire; fire = this.clock.takeDue(target)) {
        fire();
        await this.settle();
      }
      this.clock.moveTo(target);
    } finally {
      this.advancing = false;
    }
  }

  private async settle(): Promise<void> {
    // Nothing was delivered since the last settle: no handler can have anything left to do.
    if (this.delivered === this.settledAt && this.pending.size === 0) return this.check();
    for (;;) {
      this.settledAt = this.delivered;
      await new Promise((resolve) => setImmediate(resolve));
      this.check();
      if (this.pending.size === 0) return;
      await Promise.allSettled([...this.pending]);
    }
  }

  private track(result: unknown): unknown {
    this.delivered++;
    if (result instanceof Promise) {
      this.pending.add(result);
      const done = () => this.pending.delete(result);
      result.then(done, done);
    }
    return result;
  }

  private check(): void {
    if (this.failure) {
      const failure = this.failure;
      this.failure = undefined;
      throw failure;
    }
  }

  private unsupported(what: string): void {
    this.failure ??= new Error(`the simulated cluster does not model ${what}`);
  }

  private timestamp(): number {
    return this.startTime + this.clock.now / 1000;
  }

  private uuid(): Uint8Array {
    const bytes = new Uint8Array(16);
    let n = ++this.nextUuid;
    for (let i = 15; i >= 0 && n > 0; i--) {
      bytes[i] = n & 0xff;
      n = Math.floor(n / 256);
    }
    bytes[6] = 0x40 | (bytes[6] & 0x0f);
    return bytes;
  }

  // --- Faults ------------------------------------------------------------------------

  /**
   * The agent is lost (it died, or a network partition cut it off): the master marks it
   * unreachable. Its tasks end TASK_UNREACHABLE for partition-aware frameworks and TASK_LOST
   * for others (REASON_SLAVE_REMOVED), its offers are rescinded, then slaveLost.
   */
  loseAgent(agentId: string, message = 'health check timed out'): void {
    this.master.markUnreachable(this.agent(agentId), message);
  }

  /** A network partition: the master's side of it is loseAgent's. */
  partitionAgent(agentId: string): void {
    this.loseAgent(agentId);
  }

  /**
   * A custom executor exits with `status` (a wait status: 256 is exit code 1): its
   * unfinished tasks fail (REASON_EXECUTOR_TERMINATED), then executorLost.
   */
  loseExecutor(executorId: string, options: { agentId?: string; status?: number } = {}): void {
    for (const agent of this.agentList) {
      if (options.agentId !== undefined && agent.id !== options.agentId) continue;
      for (const executor of [...agent.executors.values()]) {
        if (executor.info.executorId.value === executorId) {
          agent.terminateExecutor(executor, options.status ?? 256);
          return;
        }
      }
    }
    throw new InvalidArgumentError('executorId', `no executor '${executorId}' runs`);
  }

  /**
   * The leading master fails: every scheduler is disconnected (its offers gone, its filters
   * forgotten); after `downFor` (default 0) a new master leads and, as Mesos does for a
   * framework that subscribes to a new master, schedulers get registered() again with their
   * id (MESOS-786); agents send their unacknowledged updates again.
   */
  failoverMaster(options: { downFor?: Duration } = {}): void {
    this.master.failover(toMilliseconds(options.downFor ?? 0, 'options.downFor'));
  }

  /**
   * The connection between a scheduler (default: every one) and the master breaks:
   * disconnected, its offers taken back; after `downFor` (default 0) it subscribes again and
   * is reregistered (the master still knows it).
   */
  disconnectScheduler(options: { frameworkId?: string; downFor?: Duration } = {}): void {
    const downMs = toMilliseconds(options.downFor ?? 0, 'options.downFor');
    for (const framework of this.master.frameworkList()) {
      if (options.frameworkId === undefined || framework.id === options.frameworkId) {
        this.master.disconnect(framework, downMs);
      }
    }
  }

  /** Rescinds an outstanding offer (default: all of them); returns the ids rescinded. */
  rescindOffer(offerId?: string): string[] {
    const ids =
      offerId === undefined ? this.master.outstandingOffers().map((o) => o.id) : [offerId];
    return ids.filter((id) => this.master.rescind(id));
  }

  /** The master removes a framework (default: every one): error(message), the driver aborts. */
  removeFramework(frameworkId?: string, message = 'Framework has been removed'): void {
    for (const framework of this.master.frameworkList()) {
      if (frameworkId === undefined || framework.id === frameworkId) {
        this.master.removeFramework(framework, message);
      }
    }
  }

  /** An executor sends the scheduler a framework message. */
  sendFromExecutor(
    executorId: string,
    agentId: string,
    data: Uint8Array,
    frameworkId?: string,
  ): void {
    for (const framework of this.master.frameworkList()) {
      if (frameworkId !== undefined && framework.id !== frameworkId) continue;
      if (framework.link.listening) {
        this.clock.schedule(0, () => framework.link.frameworkMessage(executorId, agentId, data));
      }
    }
  }

  private agent(id: string): SimAgent {
    const agent = this.agentList.find((a) => a.id === id);
    if (!agent) throw new InvalidArgumentError('agentId', `no agent '${id}'`);
    return agent;
  }

  // --- What happened -----------------------------------------------------------------

  /** Every driver call, in order. */
  get calls(): readonly RecordedCall[] {
    return this.history.calls;
  }
  /** Every callback delivered to a scheduler, in order. */
  get events(): readonly RecordedEvent[] {
    return this.history.events;
  }
  /** The tasks schedulers asked to launch, valid or not. */
  get launched(): readonly LaunchRecord[] {
    return this.history.launched;
  }
  /** The offers declined, with their filters. */
  get declined(): readonly DeclineRecord[] {
    return this.history.declined;
  }
  /** Every status update delivered, in order. */
  statuses(): TaskStatus[] {
    return this.history.statuses();
  }
  /** The states delivered for one task, in order. */
  statesOf(taskId: string): TaskState[] {
    return this.history.statesOf(taskId);
  }
  /** The tasks the master knows now (not yet ended and acknowledged). */
  tasks(): SimulatedTask[] {
    return this.master.frameworkList().flatMap((f) =>
      [...f.tasks.entries()].map(([taskId, t]) => ({
        taskId,
        agentId: t.agentId,
        state: t.state,
        info: t.info,
      })),
    );
  }
  /** Offers made and not yet answered: id, agent, role. */
  outstandingOffers(): { id: string; agentId: string; role: string }[] {
    return this.master.outstandingOffers().map(({ id, agentId, role }) => ({ id, agentId, role }));
  }
}
