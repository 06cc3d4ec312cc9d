import type { NativeBinding, NativeDispatch } from '../native/binding';
import { SimExecutorDriver, type ExecutorSide } from './sim-executor-driver';
import { SimSchedulerDriver } from './sim-scheduler-driver';
import type { SimulationHost } from './simulation-host';

/**
 * A native binding whose scheduler drivers talk to the simulated master, and whose executor
 * driver (when `executor` is given) to its simulated agent.
 */
export function simulatedBinding(host: SimulationHost, executor?: ExecutorSide): NativeBinding {
  return {
    SchedulerDriver: function (
      dispatch: NativeDispatch,
      frameworkInfo: Uint8Array,
      _master: string,
      implicitAcknowledgements: boolean,
      _credential: Uint8Array | null,
      suppressedRoles: string[] | null,
      _environment: Record<string, string> | null,
      localWorkDir: string | null,
    ) {
      return new SimSchedulerDriver(
        host,
        dispatch,
        frameworkInfo,
        implicitAcknowledgements,
        suppressedRoles,
        localWorkDir,
      );
    } as unknown as NativeBinding['SchedulerDriver'],
    ExecutorDriver: function (dispatch: NativeDispatch) {
      if (!executor) throw new Error('the simulated cluster starts executor drivers itself');
      return new SimExecutorDriver(executor, dispatch);
    } as unknown as NativeBinding['ExecutorDriver'],
    processEnvironment: () =>
      Object.fromEntries(
        Object.entries(process.env).filter((entry): entry is [string, string] => !!entry[1]),
      ),
    teardownDrivers: () => undefined,
    V1SchedulerMesos: notSimulated('V1SchedulerMesos'),
    V1ExecutorMesos: notSimulated('V1ExecutorMesos'),
    State: notSimulated('State'),
    Log: notSimulated('Log'),
    LogReader: notSimulated('LogReader'),
    LogWriter: notSimulated('LogWriter'),
    mesosVersion: '1.12.0',
    mesosVersionNumbers: [1, 12, 0],
    protobufVersion: '0',
  };
}

/** The v1 libraries, State, Log and leader election need the real addon; the kit simulates only the classic drivers. */
function notSimulated<T>(name: string): T {
  return function () {
    throw new Error(`${name} is not simulated by mesos-napi/testing; it needs the native addon`);
  } as unknown as T;
}
