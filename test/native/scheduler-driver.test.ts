import { spawnSync } from 'child_process';
import path from 'path';
import { describeWithMesos } from '../support/mesos';

describeWithMesos('native scheduler driver on libmesos', (install) => {
  function run(name: string) {
    const result = spawnSync(process.execPath, [path.join(__dirname, 'fixtures', name)], {
      encoding: 'utf8',
      timeout: 90_000,
      env: { ...process.env, PROTO_ROOT: install.protoRoot, GLOG_minloglevel: '3' },
    });
    const last = result.stdout.trim().split('\n').pop() ?? '';
    return { status: result.status, signal: result.signal, stderr: result.stderr, last };
  }

  test('registers on master=local, declines from an async handler, stops inside it, exits by itself', () => {
    const result = run('raw-scheduler-local.js');
    expect(result.signal).toBeNull();
    expect(result.status).toBe(0);
    expect(JSON.parse(result.last)).toEqual({
      started: 2,
      declined: true,
      seen: ['registered', 'id', 'resourceOffers', 'stop:4', 'joined:4', 'after:4'],
    });
  }, 100_000);

  test('error() raised synchronously inside start() reaches the handler afterwards, no deadlock', () => {
    const result = run('raw-scheduler-bad-master.js');
    expect(result.status).toBe(0);
    const output = JSON.parse(result.last);
    expect(output.started).toBe(3);
    expect(output.inline).toBe(0);
    expect(output.events[0][0]).toBe('error');
    expect(output.events[0][1]).toContain("Failed to parse 'nonsense://nowhere'");
    expect(output.events[1]).toEqual(['abort-from-handler', 3]);
    expect(output.joined).toBe(3);
  });

  test('malformed arguments are TypeErrors naming the argument; libmesos never sees them', () => {
    const result = run('raw-scheduler-bad-args.js');
    expect(result.status).toBe(0);
    expect(result.stderr).not.toContain('libprotobuf ERROR');
    expect(JSON.parse(result.last)).toEqual({
      errors: [
        'TypeError: frameworkInfo: not a serialized mesos.FrameworkInfo',
        'TypeError: master: expected a string',
        'TypeError: tasks[0]: not a serialized mesos.TaskInfo',
        'TypeError: tasks[0]: mesos.TaskInfo is missing required fields (task_id, slave_id)',
        'TypeError: offerId: expected a Uint8Array',
        'TypeError: roles[1]: expected a string',
        'TypeError: operations[0].id: operation ids are not supported by the scheduler driver (libmesos would abort)',
        'TypeError: failover: expected a boolean',
      ],
      status: 1,
      final: 1,
    });
  });

  test('a custom executor on the raw addon, launched by the in-process agent: updates, a failed task, messages both ways, no process left', () => {
    const result = run('raw-scheduler-executor.js');
    expect(result.signal).toBeNull();
    expect(result.status).toBe(0);
    expect(JSON.parse(result.last)).toEqual({
      status: 4,
      states: { ok: ['TASK_RUNNING', 'TASK_FINISHED'], bad: ['TASK_RUNNING', 'TASK_FAILED'] },
      echoed: 'echo:ping',
    });
    const left = spawnSync('pgrep', ['-f', 'fixtures/raw-executor.js'], { encoding: 'utf8' });
    expect(left.stdout).toBe('');
  }, 100_000);

  test('terminating a worker aborts its live driver and the process exits', () => {
    const result = run('raw-scheduler-worker.js');
    expect(result.signal).toBeNull();
    expect(result.status).toBe(0);
    expect(JSON.parse(result.last)).toEqual({ message: 'registered', code: 1 });
  }, 100_000);
});
