import { InvalidArgumentError } from '../../../src/errors';
import { encodeMessage } from '../../../src/messages';
import { encodeArg } from '../../../src/validate';
import { SAMPLES } from './samples';

const task = SAMPLES['mesos.TaskInfo'];

/** The error encoding throws, checked to be an InvalidArgumentError. */
function rejection(name: string, value: unknown, where = 'tasks[0]'): InvalidArgumentError {
  try {
    encodeMessage(name, value, where);
  } catch (error) {
    expect(error).toBeInstanceOf(InvalidArgumentError);
    return error as InvalidArgumentError;
  }
  throw new Error('encoded without an error');
}

describe('codec errors carry the path and the cause', () => {
  it('a getter that throws: the field’s path, the original error as cause', () => {
    const boom = new Error('boom');
    const error = rejection('mesos.TaskInfo', {
      ...task,
      get taskId() {
        throw boom;
      },
    });
    expect(error.argument).toBe('tasks[0].taskId');
    expect(error.path).toBe('tasks[0].taskId');
    expect(error.message).toBe('tasks[0].taskId: could not be encoded: boom');
    expect(error.cause).toBe(boom);
  });

  it('a revoked Proxy, as a field and as the message itself', () => {
    const { proxy, revoke } = Proxy.revocable({ value: 't' }, {});
    revoke();
    const inner = rejection('mesos.TaskInfo', { ...task, taskId: proxy });
    expect(inner.argument).toBe('tasks[0].taskId');
    expect(inner.cause).toBeInstanceOf(TypeError);
    expect(inner.message).toMatch(/^tasks\[0\]\.taskId: could not be encoded: Cannot perform/);
    expect(rejection('mesos.TaskID', proxy, 'taskId').argument).toBe('taskId');
  });

  it('keeps a map key containing ": " whole in the path (encodeArg)', () => {
    const value = { ...task, limits: { 'x: y': 'nope' } };
    expect(() => encodeArg('mesos.TaskInfo', value, 'tasks[0]')).toThrow(
      expect.objectContaining({
        argument: "tasks[0].limits['x: y']",
        message: "tasks[0].limits['x: y']: expected an object (mesos.Value.Scalar), got 'nope'",
      }),
    );
  });
});

/** An array with nothing at `index` (a hole, not undefined). */
function withHole<T>(items: T[], index: number): T[] {
  const copy = [...items];
  delete copy[index];
  return copy;
}

describe('codec rejects what it would silently drop', () => {
  it('an array with a hole', () => {
    const command = { value: 'x', arguments: withHole(['/bin/x', 'x', '-v'], 1) };
    expect(() => encodeMessage('mesos.CommandInfo', command, 'command')).toThrow(
      new InvalidArgumentError('command.arguments[1]', 'expected a string, got undefined'),
    );
  });
});
