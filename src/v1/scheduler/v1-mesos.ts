import type { EventDecoders } from '../../driver/dispatch';
import { checkFlags } from '../../driver/libmesos-flags';
import { checkObject, checkStringMap, encodeOptional } from '../../driver/validate';
import { CallFailedError, InvalidArgumentError, LocalClusterBusyError } from '../../errors';
import { decode } from '../../messages/codec';
import type { Input } from '../../messages/input';
import type { NativeV1Events, NativeV1SchedulerMesos } from '../../native/binding';
import { loadBinding } from '../../native/load';
import { isLocalMaster, prepareLocalMaster } from '../../scheduler/local-master';
import { validateMaster } from '../../scheduler/master';
import { DriverMetrics } from '../../metrics/driver-metrics';
import type { MetricsSnapshot } from '../../metrics/snapshot';
import { observeV1Call, observeV1Event } from '../../metrics/v1-observe';
import { LibraryLifecycle } from '../library-lifecycle';
import type { Call, Credential, Event } from '../messages';
import type { CallResult, Mesos } from './mesos';
import type { Scheduler } from './scheduler';
import { Subscription } from '../subscription';
import { Teardown } from './teardown';
import { checkCall } from './validate-call';

/** What V1Mesos is constructed with. */
export interface V1MesosOptions {
  /** host:port, master@host:port, zk://[user:pass@]hosts/path, file:///path or local. */
  master: string;
  /** HTTP basic authentication with the master (principal and secret). */
  credential?: Input<Credential>;
  /**
   * MESOS_* (and LIBPROCESS_*) variables for libmesos, set in the real environment while
   * the library is constructed (when libmesos reads them), then restored.
   */
  environment?: Record<string, string>;
}

const decoders: EventDecoders<NativeV1Events, Required<Scheduler>> = {
  connected: () => [],
  disconnected: () => [],
  received: (event) => [decode<Event>('mesos.v1.scheduler.Event', event)],
};

/**
 * org.apache.mesos.v1.scheduler.V1Mesos: a v1 scheduler on libmesos's
 * mesos::v1::scheduler::Mesos (the HTTP API). It runs from construction, and keeps the
 * process alive, until close(), or until a TEARDOWN has taken effect: then it closes itself
 * (the master answered, or closed the connection, which `call()` resolves as success), and
 * connected() is not called again.
 */
export class V1Mesos implements Mesos {
  private readonly native: NativeV1SchedulerMesos;
  private readonly life = new LibraryLifecycle();
  private readonly subscription = new Subscription();
  private readonly counters = new DriverMetrics('v1-mesos');
  private readonly teardown = new Teardown();

  constructor(scheduler: Scheduler, options: V1MesosOptions) {
    checkObject(scheduler, 'scheduler');
    checkObject(options, 'options');
    const master = validateMaster(options.master, 'options.master');
    if (master.startsWith('zk://') && /^zk:\/\/[^/]*\/$/.test(master)) {
      throw new InvalidArgumentError(
        'options.master',
        `'${master}' has no ZooKeeper path ('/' is not supported)`,
      );
    }
    const credential = encodeOptional(
      'mesos.v1.Credential',
      options.credential,
      'options.credential',
    );
    const environment =
      options.environment === undefined
        ? undefined
        : checkStringMap(options.environment, 'options.environment');
    const tracking: Required<Scheduler> = {
      connected: (mesos) => {
        // After a TEARDOWN the framework is gone: a handler that subscribes would register a
        // new one. The library closes instead.
        if (this.teardown.begun) {
          if (this.teardown.closeOnDisconnection) void this.life.close();
          return;
        }
        this.subscription.connected();
        return scheduler.connected?.call(scheduler, mesos);
      },
      disconnected: (mesos) => {
        this.subscription.disconnected();
        const result = scheduler.disconnected?.call(scheduler, mesos);
        // The master closes the subscription once it has removed the framework.
        if (this.teardown.closeOnDisconnection) void this.life.close();
        return result;
      },
      received: (mesos, event) => {
        this.subscription.received(event);
        return scheduler.received?.call(scheduler, mesos, event);
      },
    };
    const dispatch = this.life.dispatchTo(
      this as Mesos,
      tracking,
      decoders,
      this.counters,
      (event, _raw, decoded) => {
        if (event === 'received') observeV1Event(this.counters, decoded()[0] as Event);
        else this.counters.event(event);
      },
    );
    const binding = loadBinding();
    const processEnvironment = binding.processEnvironment();
    checkFlags(processEnvironment, environment, 'v1-scheduler');
    const local = isLocalMaster(master)
      ? prepareLocalMaster({ ...processEnvironment, ...environment })
      : undefined;
    try {
      this.native = new binding.V1SchedulerMesos(
        dispatch,
        master,
        credential,
        local || environment ? { ...local?.applied, ...environment } : null,
        local?.createdWorkDir ?? null,
      );
    } catch (error) {
      local?.cleanup();
      const code = (error as { code?: unknown }).code;
      const message = (error as Error).message;
      if (code === 'MESOS_NAPI_LOCAL_CLUSTER_BUSY') {
        throw new LocalClusterBusyError(message, { cause: error });
      }
      if (code === 'MESOS_NAPI_INVALID_ARGUMENT') {
        throw new InvalidArgumentError('options.master', message.replace(/^master: /, ''), {
          cause: error,
        });
      }
      throw error;
    }
    this.life.native = this.native;
  }

  get closed(): Promise<void> {
    return this.life.closed;
  }

  send(call: Input<Call>): void {
    const checked = checkCall(call, 'call');
    if (checked.call.type === 'UPDATE_FRAMEWORK') {
      throw new InvalidArgumentError(
        'call.type',
        'UPDATE_FRAMEWORK must go through call(): the master answers it with 200 OK, which libmesos expects of SUBSCRIBE alone (it would kill the process)',
      );
    }
    this.subscription.check(checked.call, 'send', this.life.isClosing);
    if (checked.call.type === 'TEARDOWN') this.teardown.begin(false);
    this.native.send(checked.bytes);
    observeV1Call(this.counters, checked.call, 'sent');
  }

  call(call: Input<Call>): Promise<CallResult> {
    const checked = checkCall(call, 'call');
    if (checked.call.type === 'SUBSCRIBE') {
      throw new InvalidArgumentError('call.type', 'SUBSCRIBE must go through send()');
    }
    this.subscription.check(checked.call, 'call', this.life.isClosing);
    const teardown = checked.call.type === 'TEARDOWN';
    if (teardown) this.teardown.begin(true);
    return new Promise<CallResult>((resolve, reject) => {
      this.native.call(checked.bytes, (failure, bytes) => {
        let result = bytes ? decode<CallResult>('mesos.v1.scheduler.APIResult', bytes) : undefined;
        if (teardown) {
          const settled = this.teardown.settle(failure, result);
          result = settled.result;
          if (settled.done) void this.life.close();
        }
        observeV1Call(this.counters, checked.call, result ? 'answered' : 'failed');
        if (result) resolve(result);
        else reject(new CallFailedError(`${checked.call.type}: ${failure ?? 'no answer'}`));
      });
    });
  }

  reconnect(): void {
    if (!this.life.isClosing) this.native.reconnect();
  }

  close(): Promise<void> {
    return this.life.close();
  }

  /** What the library did so far (see MetricsSnapshot); state: the subscription's, or closed. */
  metrics(): MetricsSnapshot {
    const state = this.life.isClosing ? 'closed' : this.subscription.current;
    return this.counters.snapshot(state, this.native.bridgeStats?.());
  }
}
