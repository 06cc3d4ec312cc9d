import os from 'os';
import path from 'path';
import { InvalidArgumentError, Log, LogState, Position } from '../../../src';
import { useBinding } from '../../../src/native/load';
import { standInBinding } from '../../support/stand-in-binding';

// Bad input is an InvalidArgumentError naming the argument, thrown before the addon is
// reached (libmesos kills the process on some of these). A ZooKeeper Log makes its native
// Log only after the servers resolve, so these run on the stand-in binding.
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

const replica = path.join(os.tmpdir(), 'mesos-napi-unit-replica');
const anyLog =
  (...args: unknown[]) =>
  () =>
    new (Log as unknown as new (...a: unknown[]) => Log)(...args);
const zkLog = () => new Log(1, replica, '127.0.0.1:2181', 1000, '/log');

test.each([
  [[0, replica, []], 'quorum'],
  [[1.5, replica, []], 'quorum'],
  [[1, '', []], 'path'],
  [[1, path.join(os.tmpdir(), 'no-such-dir', 'replica'), []], 'path'],
  [[1, replica, ['nope']], 'pids[0]'],
  [[1, replica, ['r(1)@host.example:5050']], 'pids[0]'],
  [[1, replica, ['r(1)@127.0.0.1:5050', 42]], 'pids[1]'],
  [[1, replica, 42], 'pids'],
  [[1, replica, [], { autoInitialize: 'yes' }], 'options.autoInitialize'],
  [[1, replica, 'nohostport', 1000, '/log'], 'servers'],
  [[1, replica, '127.0.0.1:2181', 0, '/log'], 'timeout'],
  [[1, replica, '127.0.0.1:2181', 1000, 'log'], 'znode'],
  [[1, replica, '127.0.0.1:2181', 1000, '/log', 'sasl', 'u:p'], 'scheme'],
])('new Log(%j): %s', (args, argument) => {
  expect(argumentOf(anyLog(...args))).toBe(argument);
});

test('Log.Reader arguments: the constructor throws, methods reject', async () => {
  const reader = new Log.Reader(zkLog());
  const p = new Position(1n);
  expect(await rejectionOf(() => reader.read(1n as never, p, 1000))).toBe('from');
  expect(await rejectionOf(() => reader.read(p, {} as never, 1000))).toBe('to');
  expect(await rejectionOf(() => reader.read(p, p, 0))).toBe('timeout');
  expect(await rejectionOf(() => reader.catchup(-1))).toBe('timeout');
  expect(await rejectionOf(() => reader.ending(1.5))).toBe('timeout');
  expect(await rejectionOf(() => reader.beginning(-2))).toBe('timeout');
  expect(argumentOf(() => new Log.Reader({} as never))).toBe('log');
});

test('Log.Writer arguments: the constructor throws, methods reject', async () => {
  const log = zkLog();
  expect(argumentOf(() => new Log.Writer(log, 0, 1))).toBe('timeout');
  expect(argumentOf(() => new Log.Writer(log, 1000, 0))).toBe('retries');
  expect(argumentOf(() => new Log.Writer({} as never, 1000, 1))).toBe('log');
  const writer = new Log.Writer(log, 1000, 1);
  expect(await rejectionOf(() => writer.append('text' as never, 1000))).toBe('data');
  expect(await rejectionOf(() => writer.append(new Uint8Array(), 0))).toBe('timeout');
  expect(await rejectionOf(() => writer.truncate(5 as never, 1000))).toBe('to');
  expect(await rejectionOf(() => writer.start(-1))).toBe('timeout');
});

test('LogState arguments, named in its own order', () => {
  expect(argumentOf(() => new LogState({} as never))).toBe('log');
  expect(argumentOf(() => new LogState(zkLog(), -1))).toBe('diffsBetweenSnapshots');
  const state =
    (...args: unknown[]) =>
    () =>
      new (LogState as unknown as new (...a: unknown[]) => LogState)(...args);
  expect(argumentOf(state('x'))).toBe('servers');
  expect(argumentOf(state('127.0.0.1:2181'))).toBe('timeout');
  expect(argumentOf(state('127.0.0.1:2181', 1000))).toBe('znode');
  expect(argumentOf(state('127.0.0.1:2181', 1000, '/log'))).toBe('quorum');
});

test('a Log given one string where the PIDs go: pids', () => {
  let error: unknown;
  try {
    anyLog(1, replica, 'log-replica(1)@127.0.0.1:5050')();
  } catch (caught) {
    error = caught;
  }
  expect(error).toMatchObject({ argument: 'pids' });
});

test('errors describe objects with the right article', () => {
  expect(() => new LogState({} as never)).toThrow(/got an object/);
  expect(() => new LogState(new Uint8Array() as never)).toThrow(/got a Uint8Array/);
  expect(() => new LogState(new Error() as never)).toThrow(/got an Error/);
});

test('Position: order, equality, identity as Java and libmesos (8 bytes, big-endian)', () => {
  const a = new Position(1n);
  const b = new Position(0x0102030405060708n);
  expect(a.compareTo(b)).toBeLessThan(0);
  expect(b.compareTo(a)).toBeGreaterThan(0);
  expect(a.compareTo(new Position(1n))).toBe(0);
  expect(a.equals(new Position(1n))).toBe(true);
  expect(a.equals(b)).toBe(false);
  expect(Array.from(b.identity())).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
  expect(Position.fromIdentity(b.identity()).equals(b)).toBe(true);
  expect(new Position((1n << 64n) - 1n).compareTo(new Position(0n))).toBeGreaterThan(0);
  expect(String(b)).toBe(`Position ${0x0102030405060708n}`);
  expect(argumentOf(() => new Position(-1n))).toBe('value');
  expect(argumentOf(() => new Position(1n << 64n))).toBe('value');
  expect(argumentOf(() => Position.fromIdentity(new Uint8Array(7)))).toBe('identity');
});
