import type { EventDecoders } from '../driver/dispatch';
import { decode } from '../messages/codec';
import type {
  Credential,
  ExecutorID,
  Filters,
  FrameworkInfo,
  OfferConstraints,
  OfferID,
  OfferOperation,
  Request,
  SlaveID,
  TaskID,
  TaskInfo,
  TaskStatus,
} from '../messages/message-types';
import { InvalidArgumentError, LocalClusterBusyError } from '../errors';
import type { Input } from '../messages';
import { isLocalMaster, prepareLocalMaster } from './local-master';
import { validateMaster } from './master';
import type { NativeSchedulerDriver, NativeSchedulerEvents } from '../native/binding';
import { LifecycleDriver } from '../driver/lifecycle-driver';
import { DriverMetrics } from '../metrics/driver-metrics';
import type { MetricsSnapshot } from '../metrics/snapshot';
import { checkFlags } from '../driver/libmesos-flags';
import { loadBinding } from '../native/load';
import type { Scheduler } from './scheduler';
import { Status } from '../status';
import {
  checkBoolean,
  checkBytes,
  checkObject,
  checkOptionalRoles,
  checkRoleSet,
  checkStringMap,
  encodeArg,
  encodeArray,
  encodeOptional,
} from '../driver/validate';
import { checkFrameworkUser } from './framework-user';

/**
 * org.apache.mesos.SchedulerDriver. Every call returns the driver's Status as libmesos does:
 * DRIVER_RUNNING when the call was passed on, else the status that kept it from running.
 * Bad arguments throw an InvalidArgumentError before anything reaches libmesos.
 */
export interface SchedulerDriver {
  /** Starts the driver: it connects to the master and registers. Once only. */
  start(): Status;
  /**
   * Stops the driver. failover false (the default): the framework is torn down and its tasks
   * killed. failover true: it stays registered for its failover timeout, for a new scheduler
   * with the same framework id to take over. Before start(), nothing.
   */
  stop(failover?: boolean): Status;
  /** Aborts the driver: no more callbacks; the framework stays registered. */
  abort(): Status;
  /** Resolves with the final status once the driver has ended (see docs/drivers.md on join). */
  join(): Promise<Status>;
  /** start(), then join() when it started. */
  run(): Promise<Status>;
  /** What the driver did so far: events, calls, handler times, queue, offers, updates. */
  metrics(): MetricsSnapshot;
  /** Asks the allocator for resources (a hint; the built-in allocator ignores it). */
  requestResources(requests: Input<Request>[]): Status;
  /**
   * Launches tasks on one or more offers of the same agent; resources not used are declined
   * with `filters`. A task that cannot run ends in TASK_ERROR or TASK_LOST updates.
   */
  launchTasks(
    offerIds: Input<OfferID> | Input<OfferID>[],
    tasks: Input<TaskInfo>[],
    filters?: Input<Filters>,
  ): Status;
  /** Kills a task; its end comes as a TASK_KILLED update (or TASK_LOST if unknown). */
  killTask(taskId: Input<TaskID>): Status;
  /**
   * Applies operations (LAUNCH, LAUNCH_GROUP, RESERVE, UNRESERVE, CREATE, DESTROY, …) to
   * offers of one agent, in order. Operation ids (feedback) are refused: libmesos would kill
   * the process.
   */
  acceptOffers(
    offerIds: Input<OfferID>[],
    operations: Input<OfferOperation>[],
    filters?: Input<Filters>,
  ): Status;
  /** Declines an offer; `filters.refuseSeconds` keeps its resources away that long. */
  declineOffer(offerId: Input<OfferID>, filters?: Input<Filters>): Status;
  /** Clears the filters of every (or the given) role and asks for offers again. */
  reviveOffers(roles?: string[]): Status;
  /** Stops offers for every (or the given) role until reviveOffers. */
  suppressOffers(roles?: string[]): Status;
  /**
   * Acknowledges a status update, with implicitAcknowledgements: false only. An update
   * without uuid or slaveId needs none and is skipped, as libmesos does.
   */
  acknowledgeStatusUpdate(status: Input<TaskStatus>): Status;
  /** Sends data to an executor (best effort, no delivery guarantee). */
  sendFrameworkMessage(
    executorId: Input<ExecutorID>,
    slaveId: Input<SlaveID>,
    data: Uint8Array,
  ): Status;
  /**
   * Asks for the latest state of the given tasks (explicit), or of every task the master
   * knows for this framework (an empty array: implicit); answers come as status updates.
   */
  reconcileTasks(statuses: Input<TaskStatus>[]): Status;
  /**
   * Changes the FrameworkInfo (roles, capabilities, …), the suppressed roles (no duplicates)
   * and the offer constraints of a running framework.
   */
  updateFramework(
    frameworkInfo: Input<FrameworkInfo>,
    suppressedRoles: string[],
    offerConstraints?: Input<OfferConstraints>,
  ): Status;
}

/** Every constructor variant of the Java/C++ MesosSchedulerDriver, as one object. */
export interface SchedulerDriverOptions {
  /** The framework's FrameworkInfo; `user: ''` runs tasks as this process's user, and `id` re-registers a framework after a failover. */
  framework: Input<FrameworkInfo>;
  /** host:port, master@host:port, zk://[user:pass@]hosts/path, file:///path or local. */
  master: string;
  /** Default true, as in Java. When false, call acknowledgeStatusUpdate yourself. */
  implicitAcknowledgements?: boolean;
  /** The principal and secret to authenticate with (CRAM-MD5 by default). */
  credential?: Input<Credential>;
  /** Roles whose offers are suppressed from the start; no duplicates. */
  suppressedRoles?: string[];
  /**
   * MESOS_* variables for libmesos's driver (e.g. MESOS_AUTHENTICATEE,
   * MESOS_REGISTRATION_BACKOFF_FACTOR, MESOS_MODULES). libmesos reads them from the real
   * environment while the driver is constructed and started; these are set there for that
   * time, over the environment's own values, then restored.
   */
  environment?: Record<string, string>;
}

const schedulerDecoders: EventDecoders<NativeSchedulerEvents, Scheduler> = {
  registered: (id, info) => [decode('mesos.FrameworkID', id), decode('mesos.MasterInfo', info)],
  reregistered: (info) => [decode('mesos.MasterInfo', info)],
  disconnected: () => [],
  resourceOffers: (offers) => [offers.map((o) => decode('mesos.Offer', o))],
  offerRescinded: (id) => [decode('mesos.OfferID', id)],
  statusUpdate: (status) => [decode('mesos.TaskStatus', status)],
  frameworkMessage: (executorId, slaveId, data) => [
    decode('mesos.ExecutorID', executorId),
    decode('mesos.SlaveID', slaveId),
    data,
  ],
  slaveLost: (id) => [decode('mesos.SlaveID', id)],
  executorLost: (executorId, slaveId, status) => [
    decode('mesos.ExecutorID', executorId),
    decode('mesos.SlaveID', slaveId),
    status,
  ],
  error: (message) => [message],
};

/** libmesos's MesosSchedulerDriver: hands the master's offers and updates to a Scheduler and its calls to the master (see docs/drivers.md). */
export class MesosSchedulerDriver extends LifecycleDriver implements SchedulerDriver {
  private readonly native: NativeSchedulerDriver;
  readonly implicitAcknowledgements: boolean;

  constructor(scheduler: Scheduler, options: SchedulerDriverOptions) {
    super();
    checkObject(scheduler, 'scheduler');
    checkObject(options, 'options');
    const framework = encodeArg('mesos.FrameworkInfo', options.framework, 'options.framework');
    checkFrameworkUser(options.framework, 'options.framework');
    const master = validateMaster(options.master, 'options.master');
    this.implicitAcknowledgements =
      options.implicitAcknowledgements === undefined
        ? true
        : checkBoolean(options.implicitAcknowledgements, 'options.implicitAcknowledgements');
    const credential = encodeOptional('mesos.Credential', options.credential, 'options.credential');
    const suppressed =
      options.suppressedRoles === undefined || options.suppressedRoles === null
        ? null
        : checkRoleSet(options.suppressedRoles, 'options.suppressedRoles');
    const environment = checkSchedulerEnvironment(options.environment);
    const metrics = (this.life.metrics = new DriverMetrics('scheduler-driver'));
    const dispatch = this.life.dispatchTo(
      this as SchedulerDriver,
      scheduler,
      schedulerDecoders,
      (event, raw, decoded) => {
        metrics.event(event);
        if (event === 'resourceOffers') metrics.offers.received += (raw[0] as unknown[]).length;
        else if (event === 'offerRescinded') metrics.offers.rescinded++;
        else if (event === 'statusUpdate') metrics.update((decoded()[0] as TaskStatus).state);
      },
    );
    const binding = loadBinding();
    const processEnvironment = binding.processEnvironment();
    checkFlags(processEnvironment, environment, 'scheduler');
    const local = isLocalMaster(master)
      ? prepareLocalMaster({ ...processEnvironment, ...environment })
      : undefined;
    try {
      this.native = new binding.SchedulerDriver(
        dispatch,
        framework,
        master,
        this.implicitAcknowledgements,
        credential,
        suppressed,
        local || environment ? { ...local?.applied, ...environment } : null,
        local?.createdWorkDir ?? null,
      );
    } catch (error) {
      local?.cleanup();
      if ((error as { code?: unknown }).code === 'MESOS_NAPI_LOCAL_CLUSTER_BUSY') {
        throw new LocalClusterBusyError((error as Error).message, { cause: error });
      }
      throw error;
    }
    this.life.native = this.native;
  }

  private countOffers(offers: number, used: boolean, status: Status): Status {
    if (status === Status.DRIVER_RUNNING)
      this.life.metrics!.offers[used ? 'used' : 'declined'] += offers;
    return status;
  }

  stop(failover = false): Status {
    const f = checkBoolean(failover, 'failover');
    return this.life.halt(() => this.native.stop(f), false, 'stop');
  }
  requestResources(requests: Input<Request>[]): Status {
    const r = encodeArray('mesos.Request', requests, 'requests');
    return this.life.call(() => this.native.requestResources(r), 'requestResources');
  }
  launchTasks(
    offerIds: OfferID | Input<OfferID>[],
    tasks: Input<TaskInfo>[],
    filters?: Input<Filters>,
  ): Status {
    const ids = Array.isArray(offerIds)
      ? encodeArray('mesos.OfferID', offerIds, 'offerIds')
      : [encodeArg('mesos.OfferID', offerIds, 'offerIds')];
    const t = encodeArray('mesos.TaskInfo', tasks, 'tasks');
    const f = encodeOptional('mesos.Filters', filters, 'filters');
    return this.countOffers(
      ids.length,
      t.length > 0,
      this.life.call(() => this.native.launchTasks(ids, t, f), 'launchTasks'),
    );
  }
  killTask(taskId: Input<TaskID>): Status {
    const id = encodeArg('mesos.TaskID', taskId, 'taskId');
    return this.life.call(() => this.native.killTask(id), 'killTask');
  }
  acceptOffers(
    offerIds: Input<OfferID>[],
    operations: Input<OfferOperation>[],
    filters?: Input<Filters>,
  ): Status {
    const ids = encodeArray('mesos.OfferID', offerIds, 'offerIds');
    const ops = encodeArray('mesos.Offer.Operation', operations, 'operations');
    // Read back from the bytes: the objects were read once, by the codec, under its guard.
    ops.forEach((op, i) => {
      if (decode<{ id?: unknown }>('mesos.Offer.Operation', op).id !== undefined) {
        throw new InvalidArgumentError(
          `operations[${i}].id`,
          'operation ids (operation feedback) are not supported by the scheduler driver; libmesos would kill the process',
        );
      }
    });
    const f = encodeOptional('mesos.Filters', filters, 'filters');
    return this.countOffers(
      ids.length,
      ops.length > 0,
      this.life.call(() => this.native.acceptOffers(ids, ops, f), 'acceptOffers'),
    );
  }
  declineOffer(offerId: Input<OfferID>, filters?: Input<Filters>): Status {
    const id = encodeArg('mesos.OfferID', offerId, 'offerId');
    const f = encodeOptional('mesos.Filters', filters, 'filters');
    return this.countOffers(
      1,
      false,
      this.life.call(() => this.native.declineOffer(id, f), 'declineOffer'),
    );
  }
  reviveOffers(roles?: string[]): Status {
    const r = checkOptionalRoles(roles, 'roles');
    return this.life.call(() => this.native.reviveOffers(r), 'reviveOffers');
  }
  suppressOffers(roles?: string[]): Status {
    const r = checkOptionalRoles(roles, 'roles');
    return this.life.call(() => this.native.suppressOffers(r), 'suppressOffers');
  }
  acknowledgeStatusUpdate(status: Input<TaskStatus>): Status {
    if (this.implicitAcknowledgements) {
      throw new InvalidArgumentError(
        'status',
        'acknowledgeStatusUpdate needs implicitAcknowledgements: false; libmesos would kill the process',
      );
    }
    // As libmesos does, an update without uuid or slaveId (one that needs no
    // acknowledgement, e.g. a reconciliation answer) is accepted and skipped.
    const bytes = encodeArg('mesos.TaskStatus', status, 'status');
    return this.life.call(
      () => this.native.acknowledgeStatusUpdate(bytes),
      'acknowledgeStatusUpdate',
    );
  }
  sendFrameworkMessage(
    executorId: Input<ExecutorID>,
    slaveId: Input<SlaveID>,
    data: Uint8Array,
  ): Status {
    const e = encodeArg('mesos.ExecutorID', executorId, 'executorId');
    const s = encodeArg('mesos.SlaveID', slaveId, 'slaveId');
    const d = checkBytes(data, 'data');
    return this.life.call(() => this.native.sendFrameworkMessage(e, s, d), 'sendFrameworkMessage');
  }
  reconcileTasks(statuses: Input<TaskStatus>[]): Status {
    const s = encodeArray('mesos.TaskStatus', statuses, 'statuses');
    return this.life.call(() => this.native.reconcileTasks(s), 'reconcileTasks');
  }
  updateFramework(
    frameworkInfo: Input<FrameworkInfo>,
    suppressedRoles: string[],
    offerConstraints?: Input<OfferConstraints>,
  ): Status {
    const f = encodeArg('mesos.FrameworkInfo', frameworkInfo, 'frameworkInfo');
    checkFrameworkUser(frameworkInfo, 'frameworkInfo');
    const r = checkRoleSet(suppressedRoles, 'suppressedRoles');
    const c = encodeOptional(
      'mesos.scheduler.OfferConstraints',
      offerConstraints,
      'offerConstraints',
    );
    return this.life.call(() => this.native.updateFramework(f, r, c), 'updateFramework');
  }
}

function checkSchedulerEnvironment(value: unknown): Record<string, string> | undefined {
  if (value === undefined) return undefined;
  const environment = checkStringMap(value, 'options.environment');
  for (const name of Object.keys(environment)) {
    if (!name.startsWith('MESOS_')) {
      throw new InvalidArgumentError(
        `options.environment.${name}`,
        'the scheduler driver reads MESOS_* variables only',
      );
    }
  }
  return environment;
}
