import { InvalidArgumentError, LevelDBState, ZooKeeperState } from '../../../src';
import { useBinding } from '../../../src/native/load';
import { standInBinding } from '../../support/stand-in-binding';

// Bad input is an InvalidArgumentError naming the argument, thrown before the addon is
// reached (libmesos kills the process on some of these).
beforeEach(() => useBinding(standInBinding()));
afterEach(() => useBinding(undefined));

function argumentOf(call: () => unknown): string | undefined {
  try {
    call();
  } catch (error) {
    expect(error).toBeInstanceOf(InvalidArgumentError);
    return (error as InvalidArgumentError).argument;
  }
  return undefined;
}

/** The argument named by the InvalidArgumentError `call` rejects with; it must not throw. */
async function rejectionOf(call: () => Promise<unknown>): Promise<string | undefined> {
  let promise: Promise<unknown>;
  try {
    promise = call();
  } catch (error) {
    throw new Error(`threw instead of rejecting: ${String(error)}`);
  }
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(InvalidArgumentError);
  return (error as InvalidArgumentError).argument;
}

const zk =
  (...args: unknown[]) =>
  () =>
    new (ZooKeeperState as unknown as new (...a: unknown[]) => ZooKeeperState)(...args);

describe('ZooKeeperState', () => {
  test.each([
    [['', 1000, '/a'], 'servers'],
    [['zk://127.0.0.1:2181', 1000, '/a'], 'servers'],
    [['127.0.0.1', 1000, '/a'], 'servers'],
    [['127.0.0.1:0', 1000, '/a'], 'servers'],
    [['127.0.0.1:2181,', 1000, '/a'], 'servers'],
    [['127.0.0.1:2181/chroot', 1000, '/a'], 'servers'],
    [['127.0.0.1:2181', 0, '/a'], 'timeout'],
    [['127.0.0.1:2181', -5, '/a'], 'timeout'],
    [['127.0.0.1:2181', 1.5, '/a'], 'timeout'],
    [['127.0.0.1:2181', 2 ** 31, '/a'], 'timeout'],
    [['127.0.0.1:2181', '1000', '/a'], 'timeout'],
    [['127.0.0.1:2181', 1000, 'a'], 'znode'],
    [['127.0.0.1:2181', 1000, '/'], 'znode'],
    [['127.0.0.1:2181', 1000, '/a/'], 'znode'],
    [['127.0.0.1:2181', 1000, '/a//b'], 'znode'],
    [['127.0.0.1:2181', 1000, '/a/..'], 'znode'],
    [['127.0.0.1:2181', 1000, '/a', 'sasl', 'u:p'], 'scheme'],
    [['127.0.0.1:2181', 1000, '/a', 'digest'], 'credentials'],
    [['127.0.0.1:2181', 1000, '/a', 'digest', 'nocolon'], 'credentials'],
  ])('%j: %s', (args, argument) => {
    expect(argumentOf(zk(...args))).toBe(argument);
  });

  // Methods that return a Promise reject; they never throw.
  test.each([[''], ['a/b'], ['.'], ['..'], ['\0'], ['\uD800'], [42]])(
    'fetch(%j): rejects naming name',
    async (name) => {
      const state = new ZooKeeperState('127.0.0.1:2181', 1000, '/a');
      expect(await rejectionOf(() => state.fetch(name as string))).toBe('name');
    },
  );

  test('store() and expunge() of something not a Variable: reject naming variable', async () => {
    const state = new ZooKeeperState('127.0.0.1:2181', 1000, '/a');
    expect(await rejectionOf(() => state.store({} as never))).toBe('variable');
    expect(await rejectionOf(() => state.expunge(null as never))).toBe('variable');
  });
});

test('LevelDBState: path', () => {
  expect(argumentOf(() => new LevelDBState(''))).toBe('path');
  expect(argumentOf(() => new LevelDBState(7 as never))).toBe('path');
});
