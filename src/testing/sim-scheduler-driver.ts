import * as fs from 'fs';
import { decode, encode } from '../messages/codec';
import type {
  Filters,
  FrameworkInfo,
  Offer_Operation,
  TaskInfo,
  TaskStatus,
} from '../messages/types.generated';
import type { NativeDispatch, NativeSchedulerDriver } from '../native/binding';
import type { SchedulerLink, SimFramework } from './framework-view';
import type { SimMaster } from './master';
import type { SimulationHost } from './simulation-host';
import { Joiners } from './joiners';

const NOT_STARTED = 1;
const RUNNING = 2;
const ABORTED = 3;
const STOPPED = 4;

/**
 * Stands where libmesos's MesosSchedulerDriver stands under the real TypeScript driver: the
 * same statuses, the same rules for what a stopped, aborted or disconnected driver does
 * (sched.cpp), with the simulated master on the other side. Every call reaches the master
 * after the current event, at the same virtual time.
 */
export class SimSchedulerDriver implements NativeSchedulerDriver, SchedulerLink {
  private status = NOT_STARTED;
  private connected = false;
  private framework: SimFramework | undefined;
  private info: FrameworkInfo;
  private suppressedRoles: string[] | null;
  private readonly savedOffers = new Set<string>();
  private readonly joiners = new Joiners();

  constructor(
    private readonly sim: SimulationHost,
    private readonly dispatch: NativeDispatch,
    frameworkInfo: Uint8Array,
    readonly implicitAcknowledgements: boolean,
    suppressedRoles: string[] | null,
    private readonly localWorkDir: string | null,
  ) {
    this.info = decode<FrameworkInfo>('mesos.FrameworkInfo', frameworkInfo);
    this.suppressedRoles = suppressedRoles;
  }

  private get master(): SimMaster {
    return this.sim.master;
  }

  get listening(): boolean {
    return this.status === RUNNING && this.connected;
  }

  // --- NativeDriverLifecycle ---------------------------------------------------------------

  start(): number {
    if (this.status !== NOT_STARTED) return this.status;
    this.status = RUNNING;
    this.sim.later(() => this.subscribe());
    return this.status;
  }

  /** Subscribes now, or (no master leads) as soon as one does, as libmesos's detector does. */
  private subscribe(): void {
    this.master.whenLeading(() => {
      if (this.status !== RUNNING) return;
      this.framework = this.master.subscribe(this, this.info, this.suppressedRoles);
    });
  }

  stop(failover: boolean): number {
    this.sim.record('stop', [failover], this.status);
    if (this.status !== RUNNING && this.status !== ABORTED) return this.status;
    const aborted = this.status === ABORTED;
    const framework = this.framework;
    if (framework && this.connected) {
      this.sim.later(() =>
        failover ? this.master.deactivate(framework) : this.master.teardown(framework),
      );
    }
    this.end(STOPPED);
    return aborted ? ABORTED : STOPPED;
  }

  abort(): number {
    this.sim.record('abort', [], this.status);
    if (this.status !== RUNNING) return this.status;
    const framework = this.framework;
    if (framework) this.sim.later(() => this.master.deactivate(framework));
    this.end(ABORTED);
    return ABORTED;
  }

  private end(status: number): void {
    this.status = status;
    this.connected = false;
    this.joiners.release(status);
  }

  join(onDone: (status: number) => void): void {
    this.joiners.join(this.status === RUNNING, this.status, onDone);
  }

  destroy(onDone: () => void): void {
    if (this.status === RUNNING) this.abort();
    if (this.localWorkDir) fs.rmSync(this.localWorkDir, { recursive: true, force: true });
    setImmediate(onDone);
  }

  // --- Calls -------------------------------------------------------------------------

  /** Records the call; runs `act` at the master when the driver runs and is connected. */
  private call(method: string, args: unknown[], act: (framework: SimFramework) => void): number {
    this.sim.record(method, args, this.status);
    if (this.status !== RUNNING) return this.status;
    const framework = this.framework;
    if (framework && this.connected) this.sim.later(() => act(framework));
    return this.status;
  }

  requestResources(requests: Uint8Array[]): number {
    const decoded = requests.map((r) => decode('mesos.Request', r));
    return this.call('requestResources', [decoded], () => undefined);
  }

  launchTasks(offerIds: Uint8Array[], tasks: Uint8Array[], filters: Uint8Array | null): number {
    const ids = offerIds.map((id) => decode<{ value: string }>('mesos.OfferID', id));
    const infos = tasks.map((t) => decode<TaskInfo>('mesos.TaskInfo', t));
    const f = filters ? decode<Filters>('mesos.Filters', filters) : undefined;
    this.sim.recordLaunch(
      ids.map((i) => i.value),
      infos,
    );
    const operations: Offer_Operation[] = [{ type: 'LAUNCH', launch: { taskInfos: infos } }];
    return this.accept('launchTasks', [ids, infos, f], ids, operations, f);
  }

  acceptOffers(
    offerIds: Uint8Array[],
    operations: Uint8Array[],
    filters: Uint8Array | null,
  ): number {
    const ids = offerIds.map((id) => decode<{ value: string }>('mesos.OfferID', id));
    const ops = operations.map((o) => decode<Offer_Operation>('mesos.Offer.Operation', o));
    const f = filters ? decode<Filters>('mesos.Filters', filters) : undefined;
    this.sim.recordLaunch(
      ids.map((i) => i.value),
      ops.flatMap((o) => (o.type === 'LAUNCH' ? (o.launch?.taskInfos ?? []) : [])),
    );
    return this.accept('acceptOffers', [ids, ops, f], ids, ops, f);
  }

  private accept(
    method: string,
    args: unknown[],
    ids: { value: string }[],
    operations: Offer_Operation[],
    filters: Filters | undefined,
  ): number {
    if (this.status === RUNNING && this.framework && !this.connected) {
      // sched.cpp answers launches itself while the master is away.
      this.sim.record(method, args, this.status);
      for (const operation of operations) {
        for (const task of operation.launch?.taskInfos ?? []) {
          this.sim.later(() =>
            this.deliverUpdate({
              taskId: task.taskId,
              state: this.partitionAware() ? 'TASK_DROPPED' : 'TASK_LOST',
              source: 'SOURCE_MASTER',
              reason: 'REASON_MASTER_DISCONNECTED',
              message: 'Master disconnected',
              timestamp: this.sim.timestamp(),
            } as TaskStatus),
          );
        }
      }
      return this.status;
    }
    for (const id of ids) this.savedOffers.delete(id.value);
    return this.call(method, args, (framework) =>
      this.master.accept(
        framework,
        ids.map((i) => i.value),
        operations,
        filters ?? {},
      ),
    );
  }

  private partitionAware(): boolean {
    return (this.info.capabilities ?? []).some((c) => c.type === 'PARTITION_AWARE');
  }

  killTask(taskId: Uint8Array): number {
    const id = decode<{ value: string }>('mesos.TaskID', taskId);
    return this.call('killTask', [id], (framework) => this.master.kill(framework, id.value));
  }

  declineOffer(offerId: Uint8Array, filters: Uint8Array | null): number {
    const id = decode<{ value: string }>('mesos.OfferID', offerId);
    const f = filters ? decode<Filters>('mesos.Filters', filters) : {};
    if (this.status === RUNNING) this.sim.recordDecline(id.value, f);
    this.savedOffers.delete(id.value);
    return this.call('declineOffer', [id, filters ? f : undefined], (framework) =>
      this.master.decline(framework, id.value, f),
    );
  }

  reviveOffers(roles: string[] | null): number {
    if (this.status === RUNNING) this.suppressedRoles = this.unsuppress(roles);
    return this.call('reviveOffers', roles ? [roles] : [], (framework) =>
      this.master.revive(framework, roles),
    );
  }

  suppressOffers(roles: string[] | null): number {
    if (this.status === RUNNING) {
      const all = roles ?? this.framework?.roles ?? [];
      this.suppressedRoles = [...new Set([...(this.suppressedRoles ?? []), ...all])];
    }
    return this.call('suppressOffers', roles ? [roles] : [], (framework) =>
      this.master.suppress(framework, roles),
    );
  }

  private unsuppress(roles: string[] | null): string[] | null {
    if (!roles) return null;
    return (this.suppressedRoles ?? []).filter((r) => !roles.includes(r));
  }

  acknowledgeStatusUpdate(status: Uint8Array): number {
    const s = decode<TaskStatus>('mesos.TaskStatus', status);
    return this.call('acknowledgeStatusUpdate', [s], (framework) => {
      if (s.uuid && s.slaveId) {
        this.master.acknowledge(framework, s.slaveId.value, s.taskId.value, s.uuid);
      }
    });
  }

  sendFrameworkMessage(executorId: Uint8Array, slaveId: Uint8Array, data: Uint8Array): number {
    const e = decode<{ value: string }>('mesos.ExecutorID', executorId);
    const s = decode<{ value: string }>('mesos.SlaveID', slaveId);
    return this.call('sendFrameworkMessage', [e, s, data], (framework) =>
      this.master.frameworkMessage(framework, e.value, s.value, data),
    );
  }

  reconcileTasks(statuses: Uint8Array[]): number {
    const s = statuses.map((b) => decode<TaskStatus>('mesos.TaskStatus', b));
    return this.call('reconcileTasks', [s], (framework) => this.master.reconcile(framework, s));
  }

  updateFramework(
    frameworkInfo: Uint8Array,
    suppressedRoles: string[],
    offerConstraints: Uint8Array | null,
  ): number {
    const info = decode<FrameworkInfo>('mesos.FrameworkInfo', frameworkInfo);
    if (offerConstraints) this.sim.unsupported('offer constraints in updateFramework');
    if (this.status === RUNNING) {
      this.info = info;
      this.suppressedRoles = suppressedRoles;
    }
    return this.call('updateFramework', [info, suppressedRoles], (framework) =>
      this.master.updateFramework(framework, info, suppressedRoles),
    );
  }

  // --- SchedulerLink: what the master sends ----------------------------------------------------

  private deliver(event: string, decoded: unknown[], raw: unknown[]): unknown {
    this.sim.recordEvent(event, decoded);
    return this.sim.track(this.dispatch(event, ...raw));
  }

  registered(frameworkId: string, masterInfo: object): void {
    if (this.status !== RUNNING) return;
    this.connected = true;
    this.info = { ...this.info, id: { value: frameworkId } };
    this.deliver(
      'registered',
      [{ value: frameworkId }, masterInfo],
      [
        encode('mesos.FrameworkID', { value: frameworkId }, 'frameworkId'),
        encode('mesos.MasterInfo', masterInfo, 'masterInfo'),
      ],
    );
  }

  reregistered(masterInfo: object): void {
    if (this.status !== RUNNING) return;
    this.connected = true;
    this.deliver(
      'reregistered',
      [masterInfo],
      [encode('mesos.MasterInfo', masterInfo, 'masterInfo')],
    );
  }

  disconnected(): void {
    if (this.status !== RUNNING) return;
    this.connected = false;
    this.savedOffers.clear();
    this.deliver('disconnected', [], []);
  }

  offers(offers: object[]): void {
    if (!this.listening) return;
    for (const offer of offers) this.savedOffers.add((offer as { id: { value: string } }).id.value);
    this.deliver(
      'resourceOffers',
      [offers],
      [offers.map((o) => encode('mesos.Offer', o, 'offer'))],
    );
  }

  rescinded(offerId: string): void {
    if (!this.listening) return;
    this.savedOffers.delete(offerId);
    const id = { value: offerId };
    this.deliver('offerRescinded', [id], [encode('mesos.OfferID', id, 'offerId')]);
  }

  update(status: TaskStatus): void {
    if (!this.listening) return;
    this.deliverUpdate(status);
  }

  /** Delivers an update; with implicit acknowledgements, acknowledges it once handled. */
  private deliverUpdate(status: TaskStatus): void {
    if (this.status !== RUNNING) return;
    const result = this.deliver(
      'statusUpdate',
      [status],
      [encode('mesos.TaskStatus', status, 'status')],
    );
    const framework = this.framework;
    if (!this.implicitAcknowledgements || !status.uuid || !status.slaveId || !framework) return;
    const ack = () => {
      if (this.status !== RUNNING || !this.connected) return;
      this.sim.later(() =>
        this.master.acknowledge(
          framework,
          status.slaveId!.value,
          status.taskId.value,
          status.uuid!,
        ),
      );
    };
    if (result instanceof Promise) result.then(ack, () => undefined);
    else ack();
  }

  frameworkMessage(executorId: string, agentId: string, data: Uint8Array): void {
    if (this.status !== RUNNING) return;
    const e = { value: executorId };
    const s = { value: agentId };
    this.deliver(
      'frameworkMessage',
      [e, s, data],
      [encode('mesos.ExecutorID', e, 'executorId'), encode('mesos.SlaveID', s, 'slaveId'), data],
    );
  }

  agentLost(agentId: string): void {
    if (!this.listening) return;
    const id = { value: agentId };
    this.deliver('slaveLost', [id], [encode('mesos.SlaveID', id, 'slaveId')]);
  }

  executorLost(executorId: string, agentId: string, status: number): void {
    if (!this.listening) return;
    const e = { value: executorId };
    const s = { value: agentId };
    this.deliver(
      'executorLost',
      [e, s, status],
      [encode('mesos.ExecutorID', e, 'executorId'), encode('mesos.SlaveID', s, 'slaveId'), status],
    );
  }

  error(message: string): void {
    if (this.status !== RUNNING) return;
    this.abort();
    this.deliver('error', [message], [message]);
  }
}
