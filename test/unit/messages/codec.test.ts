import { decodeMessage, encodeMessage } from '../../../src/messages';
import { SAMPLES } from './samples';

/** What decoding gives for a sample: the same, with every repeated field present as an array. */
function roundTrip(name: string, value: unknown): unknown {
  return decodeMessage(name, encodeMessage(name, value, 'value'));
}

describe('message codec', () => {
  it.each(Object.keys(SAMPLES))('%s survives a round trip', (name) => {
    const decoded = roundTrip(name, SAMPLES[name]);
    expect(decoded).toMatchObject(SAMPLES[name]);
    expect(roundTrip(name, decoded)).toEqual(decoded);
  });

  it.each(Object.keys(SAMPLES))(
    '%s re-encodes to the very same bytes after decoding (nothing dropped)',
    (name) => {
      const bytes = encodeMessage(name, SAMPLES[name], 'value');
      expect(Buffer.from(encodeMessage(name, decodeMessage(name, bytes), 'value'))).toEqual(
        Buffer.from(bytes),
      );
    },
  );

  it('keeps 64-bit integers exact as bigint, and accepts safe-integer numbers', () => {
    const max = 2n ** 64n - 1n;
    const ranges = {
      range: [
        { begin: 0n, end: max },
        { begin: 31000, end: 31001 },
      ],
    };
    expect(roundTrip('mesos.Value.Ranges', ranges)).toEqual({
      range: [
        { begin: 0n, end: max },
        { begin: 31000n, end: 31001n },
      ],
    });
    const signed = { value: -(2n ** 63n) };
    expect(roundTrip('mesos.TimeInfo', { nanoseconds: signed.value })).toEqual({
      nanoseconds: -(2n ** 63n),
    });
  });

  it('decodes enums as names, bytes as Uint8Array, and leaves unset fields out', () => {
    const status = roundTrip('mesos.TaskStatus', {
      taskId: { value: 't' },
      state: 'TASK_LOST',
    }) as Record<string, unknown>;
    expect(status).toEqual({ taskId: { value: 't' }, state: 'TASK_LOST' });
    const withData = roundTrip('mesos.TaskStatus', {
      taskId: { value: 't' },
      state: 'TASK_LOST',
      data: Buffer.from('hi'),
    }) as { data: Uint8Array };
    expect(withData.data).toBeInstanceOf(Uint8Array);
    expect(Buffer.from(withData.data).toString()).toBe('hi');
  });

  const task = SAMPLES['mesos.TaskInfo'];
  const withResource = (resource: unknown) => ({
    ...task,
    resources: [(task.resources as unknown[])[0], resource],
  });

  it.each([
    [
      withResource({ name: 'cpus', type: 'SCALAR', scalar: { value: '1' } }),
      "tasks[0].resources[1].scalar.value: expected a number, got '1'",
    ],
    [{ ...task, nmae: 'x' }, 'tasks[0].nmae: unknown field of mesos.TaskInfo'],
    [{ name: 't', taskId: { value: 't' } }, 'tasks[0].slaveId: required field missing'],
    [
      withResource({ name: 'x', type: 'SCALR' }),
      "tasks[0].resources[1].type: expected one of SCALAR, RANGES, SET, TEXT (mesos.Value.Type), got 'SCALR'",
    ],
    [{ ...task, resources: { name: 'cpus' } }, 'tasks[0].resources: expected an array, got object'],
    [{ ...task, data: 'text' }, "tasks[0].data: expected a Uint8Array, got 'text'"],
    [
      withResource({
        name: 'ports',
        type: 'RANGES',
        ranges: { range: [{ begin: 2 ** 60, end: 1 }] },
      }),
      `tasks[0].resources[1].ranges.range[0].begin: expected a bigint or a safe integer (uint64; ${2 ** 60} is not exact), got ${2 ** 60}`,
    ],
    [
      withResource({ name: 'ports', type: 'RANGES', ranges: { range: [{ begin: -1n, end: 1 }] } }),
      'tasks[0].resources[1].ranges.range[0].begin: expected a uint64 in range, got -1n',
    ],
    [
      { ...task, taskId: 'task-1' },
      "tasks[0].taskId: expected an object (mesos.TaskID), got 'task-1'",
    ],
  ])('rejects bad input with the path and what was expected (%#)', (value, message) => {
    expect(() => encodeMessage('mesos.TaskInfo', value, 'tasks[0]')).toThrow(
      new TypeError(message),
    );
  });

  it('rejects a message that is not an object, and an unknown type name', () => {
    expect(() => encodeMessage('mesos.TaskID', null, 'taskId')).toThrow(
      new TypeError('taskId: expected an object (mesos.TaskID), got null'),
    );
    expect(() => encodeMessage('mesos.Nope', {}, 'x')).toThrow(
      new TypeError('messageType: unknown message type mesos.Nope'),
    );
  });
});
