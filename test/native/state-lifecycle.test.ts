import { spawnSync } from 'child_process';
import fs from 'fs';
import os from 'os';
import path from 'path';
import { freePort } from '../../src/cluster/ports';
import { parseJsonLine } from '../support/fixture-json';
import { describeWithMesos } from '../support/mesos';
import { startZooKeeper, zookeeperMissing, type ZooKeeper } from '../support/zookeeper';

// Each case runs a fixture in a child process against real libmesos: a crash is a failed
// test, and so is a hang (the fixture is killed at the timeout).
function run(name: string, args: string[], nodeOptions: string[] = []) {
  const started = Date.now();
  const result = spawnSync(
    process.execPath,
    [...nodeOptions, path.join(__dirname, 'fixtures', 'state', name), ...args],
    { encoding: 'utf8', timeout: 30_000, env: { ...process.env, GLOG_minloglevel: '3' } },
  );
  const lines = result.stdout.trim().split('\n');
  const json = lines.map((line) => parseJsonLine(line, result.stderr));
  return { status: result.status, signal: result.signal, json, ms: Date.now() - started };
}

// Threads and /proc/self/maps lines of a child process.
interface Usage {
  threads: number;
  mappings: number;
}

describeWithMesos('State lifecycle edges on libmesos', () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mesos-napi-state-'));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  test.each([
    ['in-memory', () => ''],
    ['leveldb', () => path.join(dir, 'db')],
  ])('a %s State with nothing pending lets the process exit by itself', (kind, arg) => {
    const result = run('idle-exit.js', [kind, arg()]);
    expect(result).toMatchObject({
      status: 0,
      signal: null,
      json: [{ stored: 'stored', names: ['idle'] }],
    });
  });

  // The bridge held its placeholder dispatch function weakly; once collected, the first
  // operation to settle threw 'Unknown failure' (an Unref past zero) out of the settle
  // task, an uncaught exception that ended the process.
  test('operations after garbage collections settle, and the process exits by itself', () => {
    expect(run('after-gc.js', [], ['--expose-gc'])).toMatchObject({
      status: 0,
      signal: null,
      json: [{ stored: 'after gc', names: ['gc'] }],
    });
  });

  // Each collected object's libmesos objects were deleted on a thread of its own, never
  // joined: 8 MiB of address space and two mappings each, until vm.max_map_count ran out.
  test('20,000 collected States leave the thread count and mappings flat', () => {
    const result = run('collected.js', ['in-memory', '20000'], ['--expose-gc']);
    expect(result).toMatchObject({ status: 0, signal: null, json: [{ made: 20000 }] });
    const { before, after } = result.json[0] as Record<string, Usage>;
    expect(after.threads).toBeLessThanOrEqual(before.threads + 1);
    expect(after.mappings).toBeLessThan(before.mappings + 200);
  }, 60_000);

  // The destructor kept its own copy of the shared pointer it handed the deleting thread:
  // when that thread was done first, ~Log ran on the JS thread.
  test('collected Logs, readers and writers: deleted off the JS thread, threads and mappings flat', () => {
    const result = run('collected.js', ['log', '60'], ['--expose-gc']);
    expect(result).toMatchObject({
      status: 0,
      signal: null,
      json: [{ made: 60, deletions: { deleted: 60, onJsThread: 0 } }],
    });
    const { before, after } = result.json[0] as Record<string, Usage>;
    expect(after.threads).toBeLessThanOrEqual(before.threads + 1);
    expect(after.mappings).toBeLessThan(before.mappings + 40);
  }, 60_000);

  // libmesos's ~Log waits for a recovery that, short of a quorum, retries forever.
  test.each([
    ['1', 'kept'],
    ['1', 'collected'],
    ['2', 'kept'],
    ['2', 'collected'],
  ])(
    'a Log of quorum %s whose recovery never ends, %s: the process exits by itself',
    (quorum, mode) => {
      expect(run('log-unrecovered.js', [quorum, mode], ['--expose-gc'])).toMatchObject({
        status: 0,
        signal: null,
        json: [{ ending: 'OperationTimeoutError', [mode]: true }],
      });
    },
  );

  // libmesos accepted it: 2^40 truncated position by position without bound (the process
  // never exited); 3,000,000 left the log's beginning past its end, every entry lost.
  test('Log.Writer.truncate(to) past the ending position is refused, naming to; no entry lost', () => {
    const refused = (to: string) => ({
      name: 'InvalidArgumentError',
      code: 'MESOS_NAPI_INVALID_ARGUMENT',
      argument: 'to',
      message: expect.stringContaining(`position ${to} is past the log's ending position 3`),
    });
    expect(run('log-truncate.js', ['write', dir])).toMatchObject({
      status: 0,
      signal: null,
      json: [
        {
          far: refused(String(2n ** 40n)),
          past: refused('3000000'),
          next: refused('4'),
          appended: 'appended',
        },
      ],
    });
    expect(run('log-truncate.js', ['read', dir])).toMatchObject({
      status: 0,
      signal: null,
      json: [{ entries: ['a', 'b', 'c', 'd'] }],
    });
  });

  // libmesos's LogStorage CHECK-failed (SIGABRT) on an entry whose type field is 1-3
  // without the field that type needs.
  test.each(['1', '2', '3'])(
    'a LogState over a log holding a foreign entry of type %s is refused, naming log',
    (type) => {
      expect(run('log-state-foreign.js', ['foreign', dir, type])).toMatchObject({
        status: 0,
        signal: null,
        json: [{ appended: true }],
      });
      const refused = {
        name: 'InvalidArgumentError',
        argument: 'log',
        message: expect.stringContaining('the entry at position 1 is not a LogState operation'),
      };
      expect(run('log-state-foreign.js', ['open', dir, type])).toMatchObject({
        status: 0,
        signal: null,
        json: [{ fetched: refused, names: refused }],
      });
    },
  );

  test("a LogState's own snapshots, diffs and expunges are accepted by a later LogState", () => {
    expect(run('log-state-foreign.js', ['states', dir, 'own'])).toMatchObject({
      status: 0,
      signal: null,
      json: [{ expunged: true }],
    });
    expect(run('log-state-foreign.js', ['open', dir, 'own'])).toMatchObject({
      status: 0,
      signal: null,
      json: [{ fetched: '4', names: ['kept'] }],
    });
  });

  test('a Log.Writer and a LogState over one Log are refused, either way round, naming log', () => {
    const refused = (message: string) => ({
      name: 'InvalidArgumentError',
      argument: 'log',
      message: expect.stringContaining(message),
    });
    expect(run('log-state-foreign.js', ['shared', dir])).toMatchObject({
      status: 0,
      signal: null,
      json: [
        {
          stateFirst: { names: [], writer: refused('a LogState writes this log') },
          writerFirst: { state: refused('a Log.Writer writes this log'), appended: true },
        },
      ],
    });
  });

  test('replica paths libmesos would exit on are refused, naming path', () => {
    const refused = (message: string) => ({
      name: 'InvalidArgumentError',
      code: 'MESOS_NAPI_INVALID_ARGUMENT',
      argument: 'path',
      message: expect.stringContaining(message),
    });
    expect(run('log-paths.js', ['check', dir])).toMatchObject({
      status: 0,
      signal: null,
      json: [
        {
          missingDirectory: refused('does not exist'),
          first: 'constructed',
          sameProcess: refused('another Log of this process'),
          otherProcess: refused('a Log in process'),
        },
      ],
    });
  });

  // LevelDB refuses a second open of a database in one process only under the same path
  // string: a Log through a symbolic link opened another Log's replica a second time, a
  // path resolved by its letters opened another directory than the kernel's, and a
  // second LevelDBState read and wrote the first one's database.
  test('other spellings of a replica path in use are refused, naming path', () => {
    const spellings = path.join(dir, 'spellings');
    fs.mkdirSync(spellings);
    const refused = {
      name: 'InvalidArgumentError',
      argument: 'path',
      message: expect.stringContaining('is the replica of another Log of this process'),
    };
    expect(run('log-paths.js', ['spellings', spellings])).toMatchObject({
      status: 0,
      signal: null,
      json: [
        {
          first: 'constructed',
          linked: refused,
          dotted: refused,
          otherState: 'OperationFailedError',
        },
      ],
    });
  });

  // libmesos exited the process: LevelDB cannot create its LOCK through the link.
  test('a replica path that is a symbolic link to nothing is refused, naming path', () => {
    const dangling = path.join(dir, 'dangling');
    fs.mkdirSync(dangling);
    expect(run('log-paths.js', ['dangling', dangling])).toMatchObject({
      status: 0,
      signal: null,
      json: [
        {
          dangling: {
            name: 'InvalidArgumentError',
            argument: 'path',
            message: expect.stringContaining('is a symbolic link to'),
          },
        },
      ],
    });
  });

  // libmesos exited the process on each ('Failed to recover the log'); probing LOCK for
  // another process's lock dropped this process's own lock on it.
  describe('Log locations libmesos exits the process on are refused, naming path', () => {
    const refused = (message: string) => ({
      name: 'InvalidArgumentError',
      argument: 'path',
      message: expect.stringContaining(message),
    });

    test("a LevelDBState's database of this process, whose lock it keeps", () => {
      expect(run('log-locations.js', ['state', dir])).toMatchObject({
        status: 0,
        signal: null,
        json: [
          {
            log: refused("is a LevelDBState's database"),
            other: 'OperationFailedError',
            fetched: 'mine',
          },
        ],
      });
    });

    test("a LevelDBState's database left by another process", () => {
      expect(run('log-locations.js', ['store', dir])).toMatchObject({
        status: 0,
        json: [{ stored: true }],
      });
      expect(run('log-locations.js', ['was', dir])).toMatchObject({
        status: 0,
        signal: null,
        json: [{ log: refused("is a LevelDBState's database") }],
      });
    });

    test('a directory that cannot be written, and a new one in it', () => {
      expect(run('log-locations.js', ['unwritable'])).toMatchObject({
        status: 0,
        signal: null,
        json: [
          {
            existing: refused('/proc/1 cannot be written'),
            inside: refused('/proc/1 cannot be written'),
          },
        ],
      });
    });
  });

  test('Log operations past their timeout reject with OperationTimeoutError; the process then exits', () => {
    const result = run('log-timeout.js', [dir]);
    expect(result).toMatchObject({
      status: 0,
      signal: null,
      json: [
        {
          catchup: { name: 'OperationTimeoutError', code: 'MESOS_NAPI_TIMEOUT' },
          // The writer's election timed out twice; libmesos then refuses the append.
          append: { name: 'WriterFailedError', code: 'MESOS_NAPI_WRITER_FAILED' },
        },
      ],
    });
  });

  describe('with a port where nothing listens', () => {
    let servers: string;
    beforeAll(async () => {
      servers = `127.0.0.1:${await freePort('127.0.0.1')}`;
    });

    test('a pending operation keeps the process alive', () => {
      expect(run('pending.js', ['held', servers])).toMatchObject({
        status: 0,
        signal: null,
        json: [{ held: true }],
      });
    });

    test('process.exit() with an operation pending exits with its code, no crash', () => {
      expect(run('pending.js', ['exit', servers])).toMatchObject({
        status: 3,
        signal: null,
        json: [{ exiting: 3 }],
      });
    });

    test('terminating a worker with an operation pending does not crash; the process then exits', () => {
      expect(run('pending.js', ['worker', servers])).toMatchObject({
        status: 0,
        signal: null,
        json: [{ terminated: 1 }],
      });
    });
  });

  const missing = zookeeperMissing();
  if (missing) {
    process.stdout.write(`skipped "ZooKeeper State lifecycle": ${missing}\n`);
    return;
  }
  describe('with ZooKeeper', () => {
    let zk: ZooKeeper;
    let servers: string;
    beforeAll(async () => {
      zk = await startZooKeeper();
      servers = new URL(zk.url('/')).host;
    }, 60_000);
    afterAll(() => zk?.stop());

    test('a ZooKeeperState with nothing pending lets the process exit by itself', () => {
      expect(run('idle-exit.js', ['zookeeper', servers])).toMatchObject({
        status: 0,
        signal: null,
        json: [{ stored: 'stored', names: ['idle'] }],
      });
    });

    // libmesos aborted the process on each (UUID::fromBytes(...).get() in State::store and
    // in the storage's set and expunge).
    test('an entry in ZooKeeper no State wrote (its uuid not a UUID): fetch, store and expunge reject', () => {
      const refused = {
        name: 'OperationFailedError',
        message: expect.stringContaining("the entry stored as 'x' has a uuid that is not a UUID"),
      };
      expect(run('foreign-entry.js', [servers])).toMatchObject({
        status: 0,
        signal: null,
        json: [{ created: [0, 0], fetched: refused, stored: refused, expunged: refused }],
      });
    });

    // Nothing stops libmesos's threads at process.exit(): static destructors run under them.
    test('process.exit() with every State and Log busy: exits with its code, no signal (3 runs)', () => {
      for (let i = 0; i < 3; i++) {
        const busy = path.join(dir, `exit-busy-${i}`);
        fs.mkdirSync(busy);
        const result = run('exit-busy.js', [busy, servers]);
        expect(result).toMatchObject({ status: 7, signal: null, json: [{ exiting: 7 }] });
        // Every loop got going: its operations were in flight at the exit.
        const { done } = result.json[0] as { done: Record<string, number> };
        expect(Object.keys(done).sort()).toEqual(['append', 'leveldb', 'read', 'zookeeper']);
        for (const count of Object.values(done)) expect(count).toBeGreaterThan(0);
      }
    });

    test('a value stored in ZooKeeper survives the process: another process fetches it', () => {
      expect(run('restart.js', ['store', servers, '/restart', 'survives'])).toMatchObject({
        status: 0,
        signal: null,
        json: [{ stored: true }],
      });
      expect(run('restart.js', ['fetch', servers, '/restart'])).toMatchObject({
        status: 0,
        signal: null,
        json: [{ fetched: 'survives' }],
      });
    });
  });
});
