import type { EventDecoders } from '../../driver/dispatch';
import { checkObject } from '../../driver/validate';
import { decode } from '../../messages/codec';
import type { Input } from '../../messages/input';
import type { NativeV1Events } from '../../native/binding';
import { loadBinding } from '../../native/load';
import { LibraryLifecycle } from '../library-lifecycle';
import type { ExecutorCall, ExecutorEvent, ExecutorID, FrameworkID } from '../messages';
import { Subscription } from '../subscription';
import type { Executor } from './executor';
import { checkV1ExecutorEnvironment } from './executor-environment';
import { executorEnvironment, withEnvironmentErrors } from '../../executor/executor-env';
import type { ExecutorMesos } from './executor-mesos';
import { checkExecutorCall } from './validate-call';

/** What V1ExecutorMesos is constructed with. */
export interface V1ExecutorMesosOptions {
  /**
   * The variables the agent gives its executor (MESOS_SLAVE_PID, MESOS_FRAMEWORK_ID,
   * MESOS_EXECUTOR_ID, MESOS_EXECUTOR_SHUTDOWN_GRACE_PERIOD, …), which libmesos reads from
   * here (its explicit environment constructor). Default: the process's real environment.
   */
  environment?: Record<string, string>;
}

const decoders: EventDecoders<NativeV1Events, Required<Executor>> = {
  connected: () => [],
  disconnected: () => [],
  received: (event) => [decode<ExecutorEvent>('mesos.v1.executor.Event', event)],
};

/**
 * org.apache.mesos.v1.executor.V1Mesos: a v1 (HTTP) executor on libmesos's
 * mesos::v1::executor::Mesos. It runs from construction, and keeps the process alive, until
 * close(). The agent starts it as a CUSTOM executor (see executorCommand()); unlike the
 * executor driver it receives task groups (LAUNCH_GROUP) too.
 */
export class V1ExecutorMesos implements ExecutorMesos {
  readonly frameworkId: FrameworkID;
  readonly executorId: ExecutorID;
  private readonly life = new LibraryLifecycle();
  private readonly subscription = new Subscription();

  constructor(executor: Executor, options: V1ExecutorMesosOptions = {}) {
    checkObject(executor, 'executor');
    checkObject(options, 'options');
    const binding = loadBinding();
    const environment = executorEnvironment(binding, options.environment);
    checkV1ExecutorEnvironment(environment);
    this.frameworkId = { value: environment.MESOS_FRAMEWORK_ID };
    this.executorId = { value: environment.MESOS_EXECUTOR_ID };
    const tracking: Required<Executor> = {
      connected: (mesos) => {
        this.subscription.connected();
        return executor.connected?.call(executor, mesos);
      },
      disconnected: (mesos) => {
        this.subscription.disconnected();
        return executor.disconnected?.call(executor, mesos);
      },
      received: (mesos, event) => {
        this.subscription.received(event);
        return executor.received?.call(executor, mesos, event);
      },
    };
    const dispatch = this.life.dispatchTo(this as ExecutorMesos, tracking, decoders);
    this.life.native = withEnvironmentErrors(
      () => new binding.V1ExecutorMesos(dispatch, environment),
    );
  }

  get closed(): Promise<void> {
    return this.life.closed;
  }

  send(call: Input<ExecutorCall>): void {
    const checked = checkExecutorCall(call, 'call');
    this.subscription.check(checked.call, 'send', this.life.isClosing);
    this.life.native!.send(checked.bytes);
  }

  close(): Promise<void> {
    return this.life.close();
  }
}
