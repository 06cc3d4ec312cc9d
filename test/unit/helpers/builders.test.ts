import {
  agentId,
  commandInfo,
  executorId,
  executorInfo,
  filters,
  isSuccess,
  isTerminal,
  newTaskId,
  scalar,
  taskId,
  taskInfo,
  TERMINAL_STATES,
} from '../../../src/helpers';
import { decodeMessage, encodeMessage } from '../../../src/messages';

describe('builders', () => {
  it('build messages that encode and decode to what was asked', () => {
    const executor = executorInfo({
      executorId: executorId('e'),
      command: commandInfo(['/usr/bin/node', 'x.js'], { A: '1' }),
    });
    const task = taskInfo({
      name: 'web',
      taskId: taskId('t1'),
      agentId: agentId('a1'),
      resources: [scalar('cpus', 1)],
      executor,
      labels: { team: 'infra' },
    });
    const decoded = decodeMessage('mesos.TaskInfo', encodeMessage('mesos.TaskInfo', task, 'task'));
    expect(decoded).toMatchObject({
      name: 'web',
      taskId: { value: 't1' },
      slaveId: { value: 'a1' },
      executor: {
        type: 'CUSTOM',
        executorId: { value: 'e' },
        command: {
          shell: false,
          value: '/usr/bin/node',
          arguments: ['/usr/bin/node', 'x.js'],
          environment: { variables: [{ name: 'A', value: '1' }] },
        },
      },
      labels: { labels: [{ key: 'team', value: 'infra' }] },
    });
    expect(commandInfo('echo hi')).toEqual({ shell: true, value: 'echo hi' });
    expect(filters(5)).toEqual({ refuseSeconds: 5 });
  });

  it('a task runs a command or an executor, exactly one', () => {
    const base = { name: 'x', taskId: taskId('t'), agentId: agentId('a'), resources: [] };
    expect(() => taskInfo(base)).toThrow('taskInfo: give exactly one of command and executor');
    const executor = executorInfo({ executorId: executorId('e'), command: commandInfo('x') });
    expect(() => taskInfo({ ...base, command: commandInfo('x'), executor })).toThrow(/exactly one/);
  });

  it('taskInfo takes the agent as agentId or slaveId, exactly one', () => {
    const base = { name: 'x', taskId: taskId('t'), resources: [], command: commandInfo('x') };
    const viaAgent = taskInfo({ ...base, agentId: agentId('a') });
    const viaSlave = taskInfo({ ...base, slaveId: agentId('a') });
    expect(viaSlave).toEqual(viaAgent);
    expect(viaSlave.slaveId).toEqual({ value: 'a' });
    // @ts-expect-error neither name given
    expect(() => taskInfo(base)).toThrow('taskInfo.agentId: missing');
    // @ts-expect-error both names given
    expect(() => taskInfo({ ...base, agentId: agentId('a'), slaveId: agentId('a') })).toThrow(
      'taskInfo.agentId: give agentId or slaveId, not both',
    );
  });

  it('task states and ids', () => {
    expect(isTerminal('TASK_FINISHED')).toBe(true);
    expect(isTerminal('TASK_RUNNING')).toBe(false);
    expect(isTerminal('TASK_UNREACHABLE')).toBe(false);
    expect(TERMINAL_STATES.size).toBe(8);
    expect(isSuccess('TASK_FINISHED')).toBe(true);
    expect(isSuccess('TASK_KILLED')).toBe(false);
    expect(newTaskId('web').value).toMatch(/^web-[0-9a-f-]{36}$/);
    expect(newTaskId().value).not.toBe(newTaskId().value);
  });
});
