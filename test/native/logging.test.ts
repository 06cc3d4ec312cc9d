import { spawnSync } from 'child_process';
import path from 'path';
import { describeWithMesos } from '../support/mesos';

// The child's environment without the test run's quieting (jest.config.js sets them).
function environment(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, ...extra };
  for (const name of Object.keys(env)) {
    if (/^(GLOG_|MESOS_QUIET|MESOS_LOGGING_LEVEL|MESOS_NAPI_LOG_LEVEL)/.test(name))
      delete env[name];
  }
  return { ...env, ...extra };
}

function run(name: string, extra: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, [path.join(__dirname, 'fixtures', 'logging', name)], {
    encoding: 'utf8',
    timeout: 120_000,
    env: environment(extra),
  });
  const last = result.stdout.trim().split('\n').pop() ?? '';
  return { status: result.status, signal: result.signal, stderr: result.stderr, last };
}

const GLOG_LINE = /^[IWEF]\d{4} \d\d:\d\d:\d\d\.\d{6} +\d+ [^\]]+\] /m;

describeWithMesos('libmesos’s log routed to JavaScript', () => {
  test('a driver’s INFO records (and the in-process master’s and agent’s) reach the logger, none reaches stderr', () => {
    const result = run('routed-info.js');
    expect(result.status).toBe(0);
    const output = JSON.parse(result.last);
    expect(output.status).toBe('DRIVER_STOPPED');
    expect(output.seen).toEqual(['registered', 'resourceOffers']);
    expect(output.severities).toContain('info');
    expect(output.files).toEqual(expect.arrayContaining(['sched.cpp', 'master.cpp', 'slave.cpp']));
    expect(output.version).toEqual({
      severity: 'info',
      file: 'sched.cpp',
      line: expect.any(Number),
      thread: 'number',
      time: true,
    });
    expect(result.stderr).not.toMatch(GLOG_LINE);
  }, 130_000);

  test('a logger that throws does not crash the process or the driver, and is reported once', () => {
    const result = run('throwing-logger.js');
    expect(result.signal).toBeNull();
    expect(result.status).toBe(0);
    const output = JSON.parse(result.last);
    expect(output.status).toBe('DRIVER_STOPPED');
    expect(output.seen).toEqual(['registered', 'resourceOffers']);
    expect(output.calls).toBeGreaterThan(1);
    expect(result.stderr.match(/MESOS_NAPI_LOGGER_FAILED/g)).toHaveLength(1);
    expect(result.stderr).toMatch(/logger broke/);
  }, 130_000);

  test('100k records while the JS thread is blocked: bounded in memory, every dropped one counted', () => {
    const result = run('flood.js');
    expect(result.status).toBe(0);
    const output = JSON.parse(result.last);
    expect(output.delivered + output.dropped).toBe(100_000);
    // 16 MiB of messages at most wait for the JS thread: about 1,600 of these 10 KB records
    // (all of them would take about 1 GiB).
    expect(output.delivered).toBeGreaterThan(0);
    expect(output.delivered).toBeLessThanOrEqual(1700);
    expect(output.grownMiB).toBeLessThan(200);
    expect(result.stderr).not.toMatch(/flood/);
  }, 130_000);

  test('loggers replaced and removed while libmesos logs: the last one set gets the records', () => {
    const result = run('switch.js');
    expect(result.status).toBe(0);
    expect(JSON.parse(result.last)).toMatchObject({ last: 10 });
  }, 130_000);

  test('FATAL still reaches stderr before the process ends, with the log routed', () => {
    const result = run('fatal.js');
    expect(result.status === 0).toBe(false);
    expect(result.last).not.toMatch(/not reached/);
    expect(result.stderr).toMatch(/^F\d{4} .*\] fatal for the test 0$/m);
  }, 130_000);

  test('by default warnings reach stderr in glog’s layout and INFO does not, whatever the driver’s MESOS_LOGGING_LEVEL', () => {
    const result = run('default-stderr.js');
    expect(result.status).toBe(0);
    expect(JSON.parse(result.last).status).toBe('DRIVER_STOPPED');
    expect(result.stderr).toMatch(/^W\d{4} .*\] a warning for the test 0$/m);
    expect(result.stderr).not.toMatch(/an info for the test/);
    expect(result.stderr).not.toMatch(/^I\d{4} /m);
  }, 130_000);

  test('MESOS_NAPI_LOG_LEVEL=info brings INFO back to stderr', () => {
    const result = run('default-stderr.js', { MESOS_NAPI_LOG_LEVEL: 'info' });
    expect(result.status).toBe(0);
    expect(result.stderr).toMatch(/^I\d{4} .*\] an info for the test 0$/m);
    expect(result.stderr).toMatch(/^I\d{4} .*sched\.cpp:\d+\] Version: /m);
  }, 130_000);
});
