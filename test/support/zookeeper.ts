import { spawn, spawnSync, type ChildProcess } from 'child_process';
import * as fs from 'fs';
import * as net from 'net';
import * as os from 'os';
import * as path from 'path';
import { exited, hasExited } from '../../src/cluster/child-exit';
import { freePort } from '../../src/cluster/ports';

/** Debian's ZooKeeper (package zookeeper), run standalone for a test. */
const ZOOKEEPER_JAR = '/usr/share/java/zookeeper.jar';
const CLASSPATH = `/etc/zookeeper/conf:${ZOOKEEPER_JAR}`;

export function zookeeperMissing(): string | undefined {
  if (!fs.existsSync(ZOOKEEPER_JAR))
    return `ZooKeeper not installed (${ZOOKEEPER_JAR}; Debian package zookeeper)`;
  if (spawnSync('java', ['-version']).status !== 0)
    return 'java not found (needed to run ZooKeeper)';
  return undefined;
}

export interface ZooKeeper {
  url(path: string): string;
  port: number;
  /**
   * Kills the server (SIGKILL), waits `downMs`, and starts it again on the same port and
   * data directory (sessions and znodes are kept, as after a crash).
   */
  restart(downMs?: number): Promise<void>;
  stop(): Promise<void>;
}

function listening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

export interface ZooKeeperOptions {
  /**
   * The server's tick in ms (ZooKeeperServerMain's default is 3000); sessions it grants last
   * from 2 to 20 ticks, so a short tick allows the short session timeouts fault tests want.
   */
  tickTime?: number;
}

export async function startZooKeeper(options: ZooKeeperOptions = {}): Promise<ZooKeeper> {
  const port = await freePort('127.0.0.1');
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mesos-napi-zk-'));
  const args = ['-cp', CLASSPATH, 'org.apache.zookeeper.server.ZooKeeperServerMain'];
  args.push(String(port), dataDir, ...(options.tickTime ? [String(options.tickTime)] : []));
  let child: ChildProcess;
  const kill = async () => {
    if (!hasExited(child)) child.kill('SIGKILL');
    await exited(child);
  };
  const stop = async () => {
    await kill();
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
  const launch = async () => {
    child = spawn('java', args, { stdio: 'ignore' });
    const deadline = Date.now() + 30_000;
    while (!(await listening(port))) {
      if (hasExited(child) || Date.now() > deadline) {
        await stop();
        throw new Error(`ZooKeeper did not start on port ${port}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  };
  await launch();
  return {
    url: (p) => `zk://127.0.0.1:${port}${p}`,
    port,
    restart: async (downMs = 0) => {
      await kill();
      await new Promise((resolve) => setTimeout(resolve, downMs));
      await launch();
    },
    stop,
  };
}

/**
 * For a describe block that needs ZooKeeper: `test`, or where it cannot run, `test.skip`
 * after one line saying why; and that reason.
 */
export function withZooKeeper(what: string): { missing: string | undefined; test: jest.It } {
  const missing = zookeeperMissing();
  if (missing) process.stdout.write(`skipped "${what}": ${missing}\n`);
  return { missing, test: missing ? test.skip : test };
}
