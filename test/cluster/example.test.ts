import { spawnSync } from 'child_process';
import * as path from 'path';
import { leftovers, runExample } from '../support/example-process';
import { describeWithMesos } from '../support/mesos';
import { get, useLocalCluster } from '../support/cluster';

const root = path.join(__dirname, '..', '..');

describeWithMesos('the worked example (examples/http-server)', () => {
  beforeAll(() => {
    const build = spawnSync(
      process.execPath,
      [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.examples.json'],
      {
        cwd: root,
        encoding: 'utf8',
      },
    );
    if (build.status !== 0)
      throw new Error(`examples did not compile:\n${build.stdout}${build.stderr}`);
  }, 120_000);

  test('on master=local: two servers answer with their directory listing, then finish', async () => {
    const run = runExample(['--tasks', '2', '--lifetime', '4']);
    const running = await run.line(/TASK_RUNNING serving (http:\S+)/);
    const url = /serving (http:\S+)/.exec(running)![1];
    expect(await get(url)).toContain('Directory listing for /');
    expect(await run.exited).toBe(0);
    const output = run.output();
    expect(output.match(/TASK_RUNNING/g)).toHaveLength(2);
    expect(output.match(/TASK_FINISHED/g)).toHaveLength(2);
    expect(output).toContain('all 2 tasks ended; stopping');
    expect(output).toContain('framework DRIVER_STOPPED');
    expect(await leftovers()).toBe('');
  }, 120_000);

  describe('on a local cluster (mesos-master and mesos-agent processes)', () => {
    const cluster = useLocalCluster();

    test('--master host:port runs a server to completion', async () => {
      const run = runExample(['--master', cluster().master, '--tasks', '1', '--lifetime', '3']);
      const running = await run.line(/TASK_RUNNING serving (http:\S+)/);
      expect(await get(/serving (http:\S+)/.exec(running)![1])).toContain('Directory listing');
      expect(await run.exited).toBe(0);
      expect(run.output()).toMatch(/TASK_FINISHED/);
      expect(await leftovers()).toBe('');
    }, 120_000);
  });

  test('Ctrl-C kills the servers, stops the framework and leaves no process behind', async () => {
    const run = runExample(['--tasks', '1']);
    await run.line(/TASK_RUNNING/);
    run.child.kill('SIGINT');
    await run.line(/framework DRIVER_STOPPED/);
    expect(await run.exited).toBe(0);
    const output = run.output();
    expect(output).toContain('stopping: killing 1 task(s)');
    expect(output).toMatch(/TASK_KILLED/);
    expect(output).toContain('framework DRIVER_STOPPED');
    expect(await leftovers()).toBe('');
  }, 120_000);
});
