import type { Offer, SchedulerDriverOptions, TaskStatus } from '../../src';
import { MesosSchedulerDriver } from '../../src/scheduler/scheduler-driver';
import type { Scheduler } from '../../src/scheduler/scheduler';
import type { SchedulerDriver } from '../../src/scheduler/scheduler-driver';
import { SimulatedCluster, runsFor } from '../../src/testing';
import { eventually } from './cluster';

/** Where a scenario runs: the simulator, or a real master and agent. */
export interface Side {
  name: 'simulated' | 'real';
  driver(
    scheduler: Scheduler,
    options: Omit<SchedulerDriverOptions, 'master'>,
  ): MesosSchedulerDriver;
  /** Lets `ms` of (virtual or real) time pass. */
  pass(ms: number): Promise<void>;
  /** Resolves once predicate() holds, within `ms` of (virtual or real) time. */
  until(what: string, predicate: () => boolean, ms?: number): Promise<void>;
  /** The leading master fails and a new one takes over. */
  failoverMaster(): Promise<void>;
}

/** The agent both sides have. */
export const AGENT_RESOURCES = 'cpus:2;mem:1024;disk:1024;ports:[31000-31100]';

/** A simulated side whose tasks behave as the scenarios' commands do on a real agent. */
export function simulatedSide(): Side {
  const cluster = new SimulatedCluster({ agents: [{ resources: AGENT_RESOURCES }] });
  // `sleep N` runs N seconds; anything else (`true`) ends at once, successfully.
  cluster.onLaunch((task, agent) => {
    const sleep = /^sleep (\d+)$/.exec(task.command?.value ?? '');
    return runsFor(sleep ? `${sleep[1]}s` : '100ms')(task, agent);
  });
  return {
    name: 'simulated',
    driver: (scheduler, options) => cluster.schedulerDriver(scheduler, options),
    pass: (ms) => cluster.advance(ms),
    failoverMaster: async () => cluster.failoverMaster({ downFor: '5s' }),
    until: async (what, predicate, ms = 30_000) => {
      const deadline = cluster.now + ms;
      while (!predicate()) {
        if (cluster.now >= deadline) throw new Error(`simulated: timed out waiting for ${what}`);
        await cluster.advance(100);
      }
    },
  };
}

export function realSide(
  master: () => string,
  restartMaster: () => Promise<void> = () => Promise.reject(new Error('no ZooKeeper here')),
): Side {
  return {
    failoverMaster: restartMaster,
    name: 'real',
    driver: (scheduler, options) =>
      new MesosSchedulerDriver(scheduler, { ...options, master: master() }),
    pass: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
    until: (what, predicate, ms = 30_000) => eventually(what, predicate, ms),
  };
}

/**
 * A scheduler that writes down what it sees, modulo ids and timing: callbacks in order, and
 * each status update as `task state reason source` (with the message when the master made
 * it, ids in it masked).
 */
export class Trace implements Scheduler {
  readonly lines: string[] = [];
  readonly offers: Offer[] = [];
  readonly statuses: TaskStatus[] = [];
  onOffers: ((driver: SchedulerDriver, offers: Offer[]) => void) | undefined;
  onStatus: ((driver: SchedulerDriver, status: TaskStatus) => void) | undefined;

  registered(): void {
    this.lines.push('registered');
  }
  reregistered(): void {
    this.lines.push('reregistered');
  }
  disconnected(): void {
    this.lines.push('disconnected');
  }
  resourceOffers(driver: SchedulerDriver, offers: Offer[]): void {
    this.lines.push(`resourceOffers ${offers.length}`);
    this.offers.push(...offers);
    if (this.onOffers) this.onOffers(driver, offers);
    else for (const offer of offers) driver.declineOffer(offer.id, { refuseSeconds: 1000 });
  }
  offerRescinded(): void {
    this.lines.push('offerRescinded');
  }
  statusUpdate(driver: SchedulerDriver, status: TaskStatus): void {
    this.statuses.push(status);
    this.lines.push(describeStatus(status));
    this.onStatus?.(driver, status);
  }
  slaveLost(): void {
    this.lines.push('slaveLost');
  }
  executorLost(): void {
    this.lines.push('executorLost');
  }
  error(_d: SchedulerDriver, message: string): void {
    this.lines.push(`error ${message}`);
  }

  /**
   * The lines without offers: when freed resources are offered again depends on where the
   * allocation interval falls, which differs between runs of a real master.
   */
  withoutOffers(): string[] {
    return this.lines.filter((line) => !line.startsWith('resourceOffers'));
  }

  /** The status lines of one task, in order. */
  of(taskId: string): string[] {
    return this.lines.filter((line) => line.startsWith(`${taskId} `));
  }
  statesOf(taskId: string): string[] {
    return this.statuses.filter((s) => s.taskId.value === taskId).map((s) => s.state);
  }
}

/**
 * A status update: task, state, reason and source, then every other field (see fieldsOf),
 * so that the comparison covers them all.
 */
export function describeStatus(status: TaskStatus): string {
  const parts = [status.taskId.value, status.state, status.reason ?? '-', status.source ?? '-'];
  if (status.source === 'SOURCE_MASTER' && status.message) parts.push(maskIds(status.message));
  const { taskId: _t, state: _s, reason: _r, source: _o, ...rest } = status;
  parts.push(fieldsOf(rest));
  return parts.join(' ');
}

/**
 * A line of describeStatus() for the master's announcement of an agent's task when the agent
 * reregistered after the framework (REASON_SLAVE_REREGISTERED, "Unknown agent reregistered").
 */
export function isReregistrationAnnouncement(line: string): boolean {
  return / REASON_SLAVE_REREGISTERED SOURCE_MASTER Unknown agent reregistered( |$)/.test(line);
}

/** A line of describeStatus() for an update from an executor. */
export function isExecutorUpdate(line: string): boolean {
  return / SOURCE_EXECUTOR( |$)/.test(line);
}

/**
 * Fields left out of the comparison on purpose, with why: they differ between any two runs
 * of a real Mesos, or the simulator has no real counterpart for them.
 */
export const LEFT_OUT: Record<string, string> = {
  timestamp: 'a time',
  uuid: 'random (its presence is compared)',
  executorPid: 'a process id (ContainerStatus.executorPid), which the simulator does not make',
  hostname: "the machine's name",
  'url.address.port': "the agent's port (chosen free for each real cluster)",
  'order of resources':
    "an offer's resources are compared as a set (Mesos's order follows its arithmetic)",
};

/** Keys whose `value` is a generated id (masked); task ids are the scenario's own. */
const GENERATED_IDS = new Set([
  'frameworkId',
  'slaveId',
  'agentId',
  'id',
  'offerId',
  'containerId',
  'executorIds',
]);

/**
 * Every field of a message, as canonical JSON modulo ids, times and hostnames: generated ids
 * masked, LEFT_OUT fields masked or dropped, empty lists and absent fields the same,
 * messages' ids masked.
 */
export function fieldsOf(message: unknown): string {
  const walk = (value: unknown, key: string): unknown => {
    if (value instanceof Uint8Array)
      return key === 'uuid' ? '<uuid>' : Buffer.from(value).toString('hex');
    if (Array.isArray(value)) {
      const items = value.map((item) => walk(item, key)).filter((item) => item !== undefined);
      if (key === 'resources')
        items.sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
      return items.length > 0 ? items : undefined;
    }
    if (typeof value === 'string') {
      if (key === 'hostname') return '<host>';
      return maskIds(value);
    }
    if (typeof value === 'bigint') return String(value);
    if (typeof value !== 'object' || value === null) return value;
    const out: Record<string, unknown> = {};
    for (const [field, inner] of Object.entries(value).sort(([a], [b]) => a.localeCompare(b))) {
      if (field === 'timestamp' || field === 'executorPid') continue;
      if (field === 'port' && key === 'address') continue;
      if (GENERATED_IDS.has(field)) {
        out[field] = '<id>';
        continue;
      }
      const walked = walk(inner, field);
      if (walked !== undefined) out[field] = walked;
    }
    return Object.keys(out).length > 0 ? out : undefined;
  };
  return JSON.stringify(walk(message, '') ?? {});
}

/** Mesos ids (a uuid, then -O3, -S0, -0000) and resource lists vary: masked. */
export function maskIds(text: string): string {
  return text
    .replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}-(?:O|S)?\d+/g, '<id>')
    .replace(
      / required by task and its executor is more than available .*$/,
      ' required by task and its executor is more than available <resources>',
    )
    .replace(/^Total resources .* required/, 'Total resources <resources> required');
}
