import { InvalidArgumentError } from '../../../src/errors';
import { useBinding } from '../../../src/native/load';
import { MesosSchedulerDriver } from '../../../src/scheduler/scheduler-driver';
import { withHole } from '../../support/arrays';
import { standInBinding } from '../../support/stand-in-binding';

let binding: ReturnType<typeof standInBinding>;
beforeEach(() => {
  binding = standInBinding();
  useBinding(binding);
});
afterEach(() => useBinding(undefined));

/** A started scheduler driver and its stand-in native driver. */
function started() {
  const driver = new MesosSchedulerDriver(
    {},
    { framework: { user: 'u', name: 'f' }, master: 'localhost:5050' },
  );
  driver.start();
  return { driver, native: binding.schedulers[0] };
}

describe('array arguments with holes', () => {
  it('are rejected before anything reaches the native driver', () => {
    const { driver, native } = started();
    expect(() => driver.reviveOffers(withHole(['a', 'x', 'b'], 1))).toThrow(InvalidArgumentError);
    expect(() => driver.suppressOffers(withHole(['a'], 0))).toThrow(/^roles: /);
    expect(() =>
      driver.reconcileTasks(withHole([{ taskId: { value: 't' }, state: 'TASK_LOST' }], 0)),
    ).toThrow(
      new InvalidArgumentError(
        'statuses[0]',
        'expected an object (mesos.TaskStatus), got undefined',
      ),
    );
    expect(native.calls.map((call) => call.method)).toEqual(['start', 'join']);
  });
});

describe('acceptOffers operation ids', () => {
  it('a getter or revoked Proxy in an operation is an InvalidArgumentError with its path', () => {
    const { driver, native } = started();
    const boom = new Error('boom');
    const operation = {
      type: 'LAUNCH' as const,
      get id(): never {
        throw boom;
      },
    };
    expect(() => driver.acceptOffers([{ value: 'o' }], [operation])).toThrow(
      expect.objectContaining({ argument: 'operations[0].id', cause: boom }),
    );
    const { proxy, revoke } = Proxy.revocable({}, {});
    revoke();
    expect(() => driver.acceptOffers([{ value: 'o' }], [proxy as never])).toThrow(
      expect.objectContaining({ name: 'InvalidArgumentError', argument: 'operations[0]' }),
    );
    expect(native.calls.map((call) => call.method)).toEqual(['start', 'join']);
  });
});
