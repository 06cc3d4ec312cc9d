import { spawn, spawnSync } from 'child_process';
import fs from 'fs';
import os from 'os';
import path from 'path';
import { freePort } from '../../../src/cluster/ports';
import { lastJsonLine } from '../../support/fixture-json';
import { describeWithMesos } from '../../support/mesos';
import { startZooKeeper, zookeeperMissing, type ZooKeeper } from '../../support/zookeeper';

// After Mesos's src/tests/log_tests.cpp (LogTest.WriteRead, Position, ReaderCatchup;
// LogZooKeeperTest.WriteRead), through the public API, in child processes: libprocess
// takes its address and port from the environment once per process.
const fixture = (name: string) => path.join(__dirname, '..', 'fixtures', 'log', name);

const lastJson = (stdout: string, stderr: string) => lastJsonLine(stdout, stderr, 3000);

describeWithMesos('Log over libmesos', (install) => {
  let dir: string;
  // Replicas start EMPTY; Mesos's tests (and Java's users) initialize them with mesos-log.
  const initialize = (...names: string[]) => {
    for (const name of names) {
      const result = spawnSync(
        path.join(install.prefix, 'bin', 'mesos-log'),
        ['initialize', `--path=${path.join(dir, name)}`],
        { encoding: 'utf8', env: { ...process.env, GLOG_minloglevel: '2' } },
      );
      if (result.status !== 0) throw new Error(`mesos-log initialize failed: ${result.stderr}`);
    }
  };
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mesos-napi-log-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  test('two replicas by PID: write, read, position identity, truncate, catch-up, a writer superseded and restarted', async () => {
    initialize('log1', 'log2');
    const port = await freePort('127.0.0.1');
    const result = spawnSync(process.execPath, [fixture('replicas.js'), dir], {
      encoding: 'utf8',
      timeout: 90_000,
      env: {
        ...process.env,
        GLOG_minloglevel: '2',
        LIBPROCESS_IP: '127.0.0.1',
        LIBPROCESS_PORT: String(port),
      },
    });
    expect({ status: result.status, signal: result.signal }).toEqual({ status: 0, signal: null });
    const failed = { name: 'WriterFailedError', code: 'MESOS_NAPI_WRITER_FAILED' };
    expect(lastJson(result.stdout, result.stderr)).toEqual({
      writeRead: [[true, 'hello world']],
      identity: true,
      ordered: true,
      beginningAfterTruncate: true,
      readTruncated: { name: 'OperationFailedError', code: 'MESOS_NAPI_OPERATION_FAILED' },
      readKept: ['5', '6', '7', '8', '9'],
      // log1's replica took part in every write (quorum 2 of 2): it has them all.
      caughtUp: ['5', '6', '7', '8', '9'],
      secondAppend: 'second',
      firstAfterLoss: failed,
      firstStillFailed: failed,
      restarted: true,
      afterRestart: 'again',
    });
  }, 100_000);

  const missing = zookeeperMissing();
  if (missing) {
    process.stdout.write(`skipped "Log through ZooKeeper": ${missing}\n`);
    return;
  }
  describe('through ZooKeeper', () => {
    let zk: ZooKeeper;
    beforeAll(async () => {
      zk = await startZooKeeper();
    }, 60_000);
    afterAll(() => zk?.stop());

    test('two processes, one replica each: one appends, the other catches up and reads', async () => {
      initialize('writer', 'reader');
      const servers = new URL(zk.url('/')).host;
      const run = (mode: string) =>
        new Promise<unknown>((resolve) => {
          const child = spawn(process.execPath, [fixture('zk-replica.js'), mode, servers, dir], {
            env: { ...process.env, GLOG_minloglevel: '2', LIBPROCESS_IP: '127.0.0.1' },
          });
          let stdout = '';
          let stderr = '';
          child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
          child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
          const timer = setTimeout(() => child.kill('SIGKILL'), 90_000);
          child.on('close', (status, signal) => {
            clearTimeout(timer);
            resolve({ status, signal, json: lastJson(stdout, stderr) });
          });
        });
      const [writer, reader] = await Promise.all([run('writer'), run('reader')]);
      expect(writer).toMatchObject({
        status: 0,
        signal: null,
        json: { positions: ['1', '2', '3'] },
      });
      expect(reader).toMatchObject({ status: 0, signal: null, json: { read: ['one', 'two'] } });
    }, 100_000);
  });
});
