import { InvalidArgumentError } from '../../../src/errors';
import { useBinding } from '../../../src/native/load';
import { MesosSchedulerDriver } from '../../../src/scheduler-driver';
import { standInBinding } from '../stand-in-binding';

let binding: ReturnType<typeof standInBinding>;
beforeEach(() => {
  binding = standInBinding();
  useBinding(binding);
});
afterEach(() => useBinding(undefined));

function withHole<T>(items: T[], index: number): T[] {
  const copy = [...items];
  delete copy[index];
  return copy;
}

describe('array arguments with holes', () => {
  it('are rejected before anything reaches the native driver', () => {
    const driver = new MesosSchedulerDriver(
      {},
      { framework: { user: 'u', name: 'f' }, master: 'localhost:5050' },
    );
    const native = binding.schedulers[0];
    driver.start();
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
    const driver = new MesosSchedulerDriver(
      {},
      { framework: { user: 'u', name: 'f' }, master: 'localhost:5050' },
    );
    const native = binding.schedulers[0];
    driver.start();
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
