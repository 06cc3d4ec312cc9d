import { checkObject } from '../../driver/validate';
import { InvalidArgumentError, MesosNapiError } from '../../errors';
import type * as V0 from '../../messages/message-types';
import type {
  Scheduler_Call_Accept as V0Accept,
  Scheduler_Call_Request as V0Request,
} from '../../messages/types.generated';
import type { Input } from '../../messages/input';
import type { Scheduler as V0Scheduler } from '../../scheduler/scheduler';
import { MesosSchedulerDriver } from '../../scheduler/scheduler-driver';
import type { Call, Credential, Event, FrameworkInfo } from '../messages';
import type { CallResult, Mesos } from './mesos';
import type { Scheduler } from './scheduler';
import { performance } from 'perf_hooks';
import { DriverMetrics } from '../../metrics/driver-metrics';
import type { MetricsSnapshot } from '../../metrics/snapshot';
import { observeV1Call, observeV1Event } from '../../metrics/v1-observe';
import { Subscription } from '../subscription';
import { devolve, evolve } from './evolve';
import { checkCall } from './validate-call';

/** What V0Mesos is constructed with: the scheduler driver registers the framework itself. */
export interface V0MesosOptions {
  /** The framework, registered as soon as the driver is connected. */
  framework: Input<FrameworkInfo>;
  /** host:port, master@host:port, zk://[user:pass@]hosts/path, file:///path or local. */
  master: string;
  /** CRAM-MD5 authentication, as the scheduler driver does it. */
  credential?: Input<Credential>;
  /** MESOS_* variables for the scheduler driver (see SchedulerDriverOptions.environment). */
  environment?: Record<string, string>;
}

/** The heartbeat interval the adapter announces and keeps (Mesos's DEFAULT_HEARTBEAT_INTERVAL). */
const HEARTBEAT_SECONDS = 15;

/** Calls the scheduler driver has no counterpart for. */
const UNSUPPORTED = new Set<Call['type']>([
  'ACCEPT_INVERSE_OFFERS',
  'DECLINE_INVERSE_OFFERS',
  'SHUTDOWN',
  'UPDATE_FRAMEWORK',
  'ACKNOWLEDGE_OPERATION_STATUS',
  'RECONCILE_OPERATIONS',
  'UNKNOWN',
]);

/**
 * org.apache.mesos.v1.scheduler.V0Mesos: the v1 scheduler interface on the classic
 * MesosSchedulerDriver (explicit acknowledgements), translating events and calls as
 * Mesos's Java V0Mesos does. The driver registers on its own; the adapter holds the
 * SUBSCRIBED event (and what follows) until the scheduler sends SUBSCRIBE, and sends a
 * HEARTBEAT every 15 seconds after it. Calls the driver cannot make (operation feedback,
 * inverse offers, SHUTDOWN, UPDATE_FRAMEWORK) and `call()`/`reconnect()` are refused.
 * close() stops the driver with failover: the framework stays registered while this process
 * lives; send TEARDOWN first to end it.
 */
export class V0Mesos implements Mesos {
  readonly closed: Promise<void>;
  private readonly driver: MesosSchedulerDriver;
  private readonly subscription = new Subscription();
  private readonly counters = new DriverMetrics('v0-mesos');
  // Deliveries to the scheduler, one at a time and in order.
  private chain: Promise<void> = Promise.resolve();
  private subscribeCall = false;
  private pending: Event[] = [];
  private frameworkId: V0.FrameworkID | undefined;
  private heartbeat: NodeJS.Timeout | undefined;
  private closing = false;
  private failure: { error: unknown } | undefined;
  // Updates delivered and not acknowledged yet, by uuid: ACKNOWLEDGE gives back task,
  // agent and uuid; the driver takes the whole status.
  private readonly unacknowledged = new Map<string, V0.TaskStatus>();

  constructor(
    private readonly scheduler: Scheduler,
    options: V0MesosOptions,
  ) {
    checkObject(scheduler, 'scheduler');
    checkObject(options, 'options');
    const framework = devolve<V0.FrameworkInfo>(
      'mesos.v1.FrameworkInfo',
      options.framework,
      'options.framework',
    );
    const credential =
      options.credential === undefined
        ? undefined
        : devolve<V0.Credential>('mesos.v1.Credential', options.credential, 'options.credential');
    this.driver = new MesosSchedulerDriver(this.adapter(), {
      framework,
      master: options.master,
      implicitAcknowledgements: false,
      credential,
      environment: options.environment,
    });
    this.closed = this.driver.run().then(() => {
      this.stopHeartbeats();
      if (this.failure) throw this.failure.error;
    });
  }

  send(call: Input<Call>): void {
    const checked = checkCall(call, 'call').call;
    if (UNSUPPORTED.has(checked.type)) {
      throw new InvalidArgumentError(
        'call.type',
        `${checked.type} is not supported by V0Mesos (the scheduler driver has no such call); use V1Mesos`,
      );
    }
    this.subscription.check(checked, 'send', this.closing);
    this.translate(checked);
    observeV1Call(this.counters, checked, 'sent');
  }

  /**
   * What the adapter did so far, in v1 terms (see MetricsSnapshot); state, the queue's
   * libmesos side and libmesos's waits are the scheduler driver's.
   */
  metrics(): MetricsSnapshot {
    const driver = this.driver.metrics();
    return this.counters.snapshot(driver.state, {
      queued: driver.queued.now,
      maxQueued: driver.queued.max,
      waits: driver.libmesosWait.count,
      waitSeconds: driver.libmesosWait.seconds,
      maxWaitSeconds: driver.libmesosWait.maxSeconds,
    });
  }

  call(_call: Input<Call>): Promise<CallResult> {
    throw new MesosNapiError(
      'V0Mesos has no call(): the scheduler driver gets no answer from the master; use send(), or V1Mesos',
    );
  }

  reconnect(): void {
    throw new MesosNapiError('V0Mesos cannot reconnect(): the scheduler driver has no such call');
  }

  close(): Promise<void> {
    if (!this.closing) {
      this.closing = true;
      this.stopHeartbeats();
      // With failover, as deleting the v1 library leaves it: the framework stays registered
      // for its failover timeout, which the master counts from when it notices the scheduler
      // gone (for the scheduler driver, once this process has exited). TEARDOWN ends it.
      this.driver.stop(true);
    }
    return this.closed;
  }

  private translate(call: Call): void {
    const driver = this.driver;
    switch (call.type) {
      case 'SUBSCRIBE':
        this.subscribeCall = true;
        this.startHeartbeats();
        this.flush();
        return;
      case 'TEARDOWN':
        driver.stop(false);
        return;
      case 'ACCEPT': {
        const accept = devolve<V0Accept>(
          'mesos.v1.scheduler.Call.Accept',
          call.accept,
          'call.accept',
        );
        accept.operations.forEach((operation, i) => {
          if (operation.id !== undefined) {
            throw new InvalidArgumentError(
              `call.accept.operations[${i}].id`,
              'operation feedback needs the v1 API (V1Mesos): the scheduler driver cannot ask for it',
            );
          }
        });
        driver.acceptOffers(accept.offerIds, accept.operations, accept.filters);
        return;
      }
      case 'DECLINE': {
        const decline = call.decline!;
        const filters =
          decline.filters && devolve<V0.Filters>('mesos.v1.Filters', decline.filters, 'filters');
        for (const id of decline.offerIds) driver.declineOffer(id, filters);
        return;
      }
      case 'REVIVE':
        driver.reviveOffers(call.revive?.roles.length ? call.revive.roles : undefined);
        return;
      case 'SUPPRESS':
        driver.suppressOffers(call.suppress?.roles.length ? call.suppress.roles : undefined);
        return;
      case 'KILL':
        driver.killTask(call.kill!.taskId);
        return;
      case 'ACKNOWLEDGE': {
        const key = Buffer.from(call.acknowledge!.uuid).toString('hex');
        const status = this.unacknowledged.get(key);
        if (!status) {
          throw new InvalidArgumentError(
            'call.acknowledge.uuid',
            'no update with this uuid was delivered (or it was acknowledged already)',
          );
        }
        this.unacknowledged.delete(key);
        driver.acknowledgeStatusUpdate(status);
        return;
      }
      case 'RECONCILE':
        // The master reads task and agent ids only; TaskStatus requires a state.
        driver.reconcileTasks(
          call.reconcile!.tasks.map((task) => ({
            taskId: task.taskId,
            slaveId: task.agentId,
            state: 'TASK_STAGING' as const,
          })),
        );
        return;
      case 'MESSAGE': {
        const message = call.message!;
        driver.sendFrameworkMessage(message.executorId, message.agentId, message.data);
        return;
      }
      case 'REQUEST': {
        const request = devolve<V0Request>(
          'mesos.v1.scheduler.Call.Request',
          call.request,
          'call.request',
        );
        driver.requestResources(request.requests);
        return;
      }
    }
  }

  /** The classic Scheduler the driver calls: each event, translated, to the v1 scheduler. */
  private adapter(): V0Scheduler {
    const subscribed = (masterInfo: V0.MasterInfo) => {
      this.deliver('connected');
      this.received({
        type: 'SUBSCRIBED',
        subscribed: {
          frameworkId: this.frameworkId!,
          heartbeatIntervalSeconds: HEARTBEAT_SECONDS,
          masterInfo: evolve('mesos.MasterInfo', masterInfo),
        },
      });
      this.received({ type: 'HEARTBEAT' });
    };
    return {
      registered: (_driver, frameworkId, masterInfo) => {
        this.frameworkId = frameworkId;
        subscribed(masterInfo);
      },
      reregistered: (_driver, masterInfo) => subscribed(masterInfo),
      disconnected: () => {
        // Offers are invalid after a new registration, and updates are sent again.
        this.pending = [];
        this.subscribeCall = false;
        this.stopHeartbeats();
        this.deliver('disconnected');
      },
      resourceOffers: (_driver, offers) =>
        this.received({
          type: 'OFFERS',
          offers: { offers: offers.map((offer) => evolve('mesos.Offer', offer)) },
        }),
      offerRescinded: (_driver, offerId) =>
        this.received({ type: 'RESCIND', rescind: { offerId } }),
      statusUpdate: (_driver, status) => {
        if (status.uuid && status.slaveId) {
          this.unacknowledged.set(Buffer.from(status.uuid).toString('hex'), status);
        }
        this.received({ type: 'UPDATE', update: { status: evolve('mesos.TaskStatus', status) } });
      },
      frameworkMessage: (_driver, executorId, slaveId, data) =>
        this.received({ type: 'MESSAGE', message: { agentId: slaveId, executorId, data } }),
      slaveLost: (_driver, slaveId) =>
        this.received({ type: 'FAILURE', failure: { agentId: slaveId } }),
      executorLost: (_driver, executorId, slaveId, status) =>
        this.received({ type: 'FAILURE', failure: { agentId: slaveId, executorId, status } }),
      // Errors come at once: the driver aborts after most of them, before any SUBSCRIBE.
      error: (_driver, message) => this.deliver('received', { type: 'ERROR', error: { message } }),
    };
  }

  /** Held until the scheduler has sent SUBSCRIBE, as the v1 library would. */
  private received(event: Event): void {
    this.pending.push(event);
    if (this.subscribeCall) this.flush();
  }

  private flush(): void {
    const events = this.pending;
    this.pending = [];
    for (const event of events) this.deliver('received', event);
  }

  private deliver(kind: 'connected' | 'disconnected' | 'received', event?: Event): void {
    const counters = this.counters;
    counters.enqueued();
    this.chain = this.chain.then(async () => {
      counters.dequeued();
      if (this.closing && kind !== 'received') return;
      if (this.closing && event?.type !== 'ERROR') return;
      const scheduler = this.scheduler;
      if (kind === 'received') observeV1Event(counters, event!);
      else counters.event(kind);
      const began = performance.now();
      try {
        if (kind === 'connected') {
          this.subscription.connected();
          await scheduler.connected?.call(scheduler, this);
        } else if (kind === 'disconnected') {
          this.subscription.disconnected();
          await scheduler.disconnected?.call(scheduler, this);
        } else {
          this.subscription.received(event!);
          await scheduler.received?.call(scheduler, this, event!);
        }
        counters.handlerSeconds.observe((performance.now() - began) / 1e3);
      } catch (error) {
        counters.handlerSeconds.observe((performance.now() - began) / 1e3);
        this.failure ??= { error };
        this.closing = true;
        this.stopHeartbeats();
        this.driver.abort();
      }
    });
  }

  private startHeartbeats(): void {
    this.stopHeartbeats();
    this.heartbeat = setInterval(
      () => this.received({ type: 'HEARTBEAT' }),
      HEARTBEAT_SECONDS * 1000,
    );
    // The driver keeps the process alive while it runs; the timer must not.
    this.heartbeat.unref();
  }

  private stopHeartbeats(): void {
    if (this.heartbeat) clearInterval(this.heartbeat);
    this.heartbeat = undefined;
  }
}
