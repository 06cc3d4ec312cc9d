import { compileExamples, leftovers, runExample } from '../support/example-process';
import { describeWithMesos } from '../support/mesos';
import { get, useLocalCluster } from '../support/cluster';

describeWithMesos('the worked example (examples/http-server)', () => {
  beforeAll(compileExamples, 120_000);

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

  test("the terminal shows the example's own lines only; --verbose adds libmesos's INFO and the access log", async () => {
    // As from a user's shell: nothing set for libmesos's log (jest's config sets it).
    const env = { ...process.env };
    delete env.GLOG_minloglevel;
    delete env.MESOS_QUIET;
    const accessLog = /"GET \/ HTTP\/1\.[01]" 200/;
    const glogInfo = /^I\d{4} \d\d:\d\d:\d\d/m;
    for (const verbose of [false, true]) {
      const run = runExample(
        ['--tasks', '1', '--lifetime', '3', ...(verbose ? ['--verbose'] : [])],
        { env },
      );
      const running = await run.line(/TASK_RUNNING serving (http:\S+)/);
      expect(await get(/serving (http:\S+)/.exec(running)![1])).toContain('Directory listing');
      expect(await run.exited).toBe(0);
      const terminal = run.output() + run.errors();
      if (verbose) {
        expect(run.errors()).toMatch(accessLog);
        expect(run.errors()).toMatch(glogInfo);
      } else {
        expect(terminal).not.toMatch(accessLog);
        expect(terminal).not.toMatch(glogInfo);
        expect(run.output().split('\n')[0]).toMatch(
          /^mesos-napi example: 1 web server\(s\) on an in-process cluster/,
        );
      }
      expect(await leftovers()).toBe('');
    }
  }, 180_000);

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
