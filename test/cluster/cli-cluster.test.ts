import { spawn } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { describeWithMesos } from '../support/mesos';

const cli = path.join(__dirname, '..', '..', 'lib', 'cli', 'main.js');

/** `mesos-napi cluster` until it says it is up, then Ctrl-C; what it printed, and its exit. */
async function runCluster(args: string[]) {
  const child = spawn(process.execPath, [cli, 'cluster', ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stderr.on('data', (chunk) => (stderr += chunk));
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  await new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
      if (stdout.includes('Press Ctrl-C to stop.')) resolve();
    });
    void exited.then(() => reject(new Error(`cluster exited early:\n${stdout}${stderr}`)));
  });
  // The logs are followed every 200 ms: wait for the first lines of each.
  if (args.includes('--verbose')) {
    while (!/^master\| /m.test(stderr) || !/^agent\| /m.test(stderr)) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  child.kill('SIGINT');
  const code = await exited;
  return { code, stdout, stderr, workDir: /^Work dir: +(\S+)$/m.exec(stdout)?.[1] };
}

describeWithMesos('npx mesos-napi cluster', () => {
  test('prints its own lines only; Ctrl-C stops it and removes its work directory', async () => {
    const run = await runCluster([]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Mesos master: 127\.0\.0\.1:\d+$/m);
    expect(run.stderr).toBe('');
    expect(run.workDir && fs.existsSync(run.workDir)).toBe(false);
  }, 120_000);

  test('--agents 3 starts two more agents, with hostnames of their own', async () => {
    const run = await runCluster(['--agents', '3']);
    expect(run.code).toBe(0);
    const agents = run.stdout.split('\n').filter((line) => line.startsWith('Agent:'));
    expect(agents.map((line) => /\((\S+)\)$/.exec(line)?.[1])).toEqual([
      '127.0.0.1',
      'agent-2',
      'agent-3',
    ]);
    expect(new Set(agents.map((line) => line.split(/\s+/)[1])).size).toBe(3);
    expect(run.workDir && fs.existsSync(run.workDir)).toBe(false);
  }, 120_000);

  test("--verbose also prints the master's and the agent's log lines, prefixed", async () => {
    const run = await runCluster(['--verbose']);
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/^master\| [IWE]\d{4} /m);
    expect(run.stderr).toMatch(/^agent\| [IWE]\d{4} /m);
  }, 120_000);
});
