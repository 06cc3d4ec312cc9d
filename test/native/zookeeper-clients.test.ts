import { spawnSync } from 'child_process';
import { createHash } from 'crypto';
import fs from 'fs';
import os from 'os';
import path from 'path';
import { parseJsonLine } from '../support/fixture-json';
import { describeWithMesos } from '../support/mesos';
import { startZooKeeper, zookeeperMissing, type ZooKeeper } from '../support/zookeeper';

// Many ZooKeeper clients in one process, in child processes against real libmesos: its
// ZooKeeper code blocks a libprocess worker per client, and eight LeaderElections with
// libprocess's default eight workers never settled (process.exit() hung too). A hang
// fails the test (the child is killed at the timeout).
function runFixture(name: string, args: string[], workers?: string) {
  const env: NodeJS.ProcessEnv = { ...process.env, GLOG_minloglevel: '3' };
  delete env.LIBPROCESS_NUM_WORKER_THREADS;
  if (workers) env.LIBPROCESS_NUM_WORKER_THREADS = workers;
  const result = spawnSync(
    process.execPath,
    [path.join(__dirname, 'fixtures', 'ha', name), ...args],
    {
      encoding: 'utf8',
      timeout: 30_000,
      env,
    },
  );
  const lines = result.stdout.trim().split('\n');
  return {
    status: result.status,
    signal: result.signal,
    json: lines.map((line) => parseJsonLine(line, result.stderr)),
  };
}

function run(mode: string, where: string, count: number, workers?: string) {
  return runFixture('zookeeper-clients.js', [mode, where, String(count)], workers);
}

const LIMIT = 'MESOS_NAPI_ZOOKEEPER_CLIENT_LIMIT';

describeWithMesos('ZooKeeper clients per process', () => {
  const missing = zookeeperMissing();
  if (missing) {
    test.skip(`skipped: ${missing}`, () => undefined);
    return;
  }
  let zk: ZooKeeper;
  let servers: string;
  beforeAll(async () => {
    zk = await startZooKeeper();
    servers = new URL(zk.url('/')).host;
  }, 60_000);
  afterAll(() => zk?.stop());

  test('eight LeaderElections contend at once: all see a leader and close', () => {
    expect(run('elections', zk.url('/eight'), 8)).toMatchObject({
      status: 0,
      signal: null,
      json: [{ outcomes: { ok: 8 } }],
    });
  });

  // The limit is the worker count (max(16, cores) unless set) minus 2.
  const expectLimit = (result: ReturnType<typeof run>, count: number) => {
    expect(result).toMatchObject({ status: 0, signal: null });
    const { outcomes, limit } = result.json[0] as { outcomes: object; limit: number };
    expect(limit).toBeGreaterThanOrEqual(14);
    expect(outcomes).toEqual({ ok: limit, [LIMIT]: count - limit });
  };

  test('past the limit contend() rejects with ZooKeeperClientLimitError; the others run and close', () => {
    const count = Math.max(16, os.cpus().length) + 1;
    expectLimit(run('elections', zk.url('/many'), count), count);
  });

  test('with LIBPROCESS_NUM_WORKER_THREADS=8 set by the user, eight elections: six run, two refused', () => {
    expect(run('elections', zk.url('/eight-workers'), 8, '8')).toMatchObject({
      status: 0,
      signal: null,
      json: [{ outcomes: { ok: 6, [LIMIT]: 2 } }],
    });
  });

  // libmesos's replica network CHECK-failed (SIGABRT) on the election's member.
  test("a ZooKeeper Log on a LeaderElection's znode is refused, naming znode", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mesos-napi-znode-'));
    try {
      const url = zk.url('/').replace(/\/$/, '');
      expect(runFixture('log-znode.js', ['election', url, servers, dir])).toMatchObject({
        status: 0,
        signal: null,
        json: [
          {
            ending: {
              name: 'InvalidArgumentError',
              argument: 'znode',
              message: expect.stringContaining('that is not a Log replica'),
            },
          },
        ],
      });
      expect(runFixture('log-znode.js', ['replicas', servers, dir])).toMatchObject({
        status: 0,
        signal: null,
        json: [{ first: 'Position 0', second: 'Position 0' }],
      });
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  // libmesos's group failed to list it, and the Log ended the process (LOG(FATAL)).
  test('a ZooKeeper Log under a znode it may not read is refused, naming znode', () => {
    // Readable only by user 'owner' (digest ACL), made with ZooKeeper's own client.
    const digest = createHash('sha1').update('owner:secret').digest('base64');
    const made = spawnSync(
      'java',
      [
        '-cp',
        '/etc/zookeeper/conf:/usr/share/java/zookeeper.jar',
        'org.apache.zookeeper.ZooKeeperMain',
        '-server',
        servers,
        'create',
        '/secret',
        'x',
        `digest:owner:${digest}:cdrwa`,
      ],
      { encoding: 'utf8', timeout: 30_000 },
    );
    expect(made.status).toBe(0);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mesos-napi-znode-'));
    try {
      expect(runFixture('log-znode.js', ['secret', servers, dir])).toMatchObject({
        status: 0,
        signal: null,
        json: [
          {
            ending: {
              name: 'InvalidArgumentError',
              argument: 'znode',
              message: expect.stringContaining('/secret may not be read with no credentials'),
            },
          },
        ],
      });
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);

  test('ZooKeeperStates past the limit reject with ZooKeeperClientLimitError; the others fetch', () => {
    const count = Math.max(16, os.cpus().length) + 1;
    expectLimit(run('states', servers, count), count);
  });
});
