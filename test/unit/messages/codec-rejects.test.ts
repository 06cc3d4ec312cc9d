import { InvalidArgumentError } from '../../../src/errors';
import { decodeMessage, encodeMessage } from '../../../src/messages';
import { encodeArg } from '../../../src/driver/validate';
import { withHole } from '../../support/arrays';
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

describe('codec rejects what it would silently drop', () => {
  it('an array with a hole', () => {
    const command = { value: 'x', arguments: withHole(['/bin/x', 'x', '-v'], 1) };
    expect(() => encodeMessage('mesos.CommandInfo', command, 'command')).toThrow(
      new InvalidArgumentError('command.arguments[1]', 'expected a string, got undefined'),
    );
  });
});

describe('codec takes plain objects only, never a built-in as an empty message or map', () => {
  class Filters {
    refuseSeconds = 5;
  }
  it.each([
    ['a Date', new Date(0)],
    ['a Map', new Map([['refuseSeconds', 5]])],
    ['a Set', new Set()],
    ['a RegExp', /x/],
    ['a Uint8Array', new Uint8Array(1)],
    ['an ArrayBuffer', new ArrayBuffer(1)],
    ['a DataView', new DataView(new ArrayBuffer(1))],
    ['a Number', new Number(5)],
    ['a Promise', Promise.resolve()],
    ['function', () => 5],
    ['a Filters', new Filters()],
    [
      'an Arguments',
      (function () {
        // eslint-disable-next-line prefer-rest-params
        return arguments;
      })(),
    ],
  ])('a message given as %s', (described, value) => {
    expect(() => encodeMessage('mesos.Filters', value, 'filters')).toThrow(
      new InvalidArgumentError('filters', `expected an object (mesos.Filters), got ${described}`),
    );
  });

  it('a Map for a map field, a Set for a repeated one, boxed primitives for scalars', () => {
    const limits = new Map([['cpus', { value: 1 }]]);
    expect(() => encodeMessage('mesos.TaskInfo', { ...task, limits }, 'task')).toThrow(
      new InvalidArgumentError(
        'task.limits',
        'expected an object (map; convert a Map with Object.fromEntries), got a Map',
      ),
    );
    expect(() => encodeMessage('mesos.CommandInfo', { arguments: new Set(['x']) }, 'c')).toThrow(
      new InvalidArgumentError('c.arguments', 'expected an array, got a Set'),
    );
    expect(() => encodeMessage('mesos.CommandInfo', { value: new String('x') }, 'c')).toThrow(
      new InvalidArgumentError('c.value', 'expected a string, got a String'),
    );
  });

  it('accepts objects without a prototype and plain objects of another realm', () => {
    const bare = Object.assign(Object.create(null) as object, { value: 'x' });
    expect(() => encodeMessage('mesos.TaskID', bare, 'id')).not.toThrow();
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const foreign = (require('vm') as typeof import('vm')).runInNewContext('({ value: "x" })');
    expect(() => encodeMessage('mesos.TaskID', foreign, 'id')).not.toThrow();
  });
});

describe('map keys', () => {
  it('keeps the key __proto__ through encoding and decoding', () => {
    const limits = JSON.parse('{"__proto__": {"value": 2}, "cpus": {"value": 1}}') as object;
    const bytes = encodeMessage('mesos.TaskInfo', { ...task, limits }, 'task');
    const decoded = decodeMessage('mesos.TaskInfo', bytes) as { limits: object };
    expect(Object.getPrototypeOf(decoded.limits)).toBe(Object.prototype);
    expect(Object.entries(decoded.limits)).toEqual([
      ['__proto__', { value: 2 }],
      ['cpus', { value: 1 }],
    ]);
  });
});

describe('nesting depth', () => {
  const chain = (depth: number) => {
    let id: Record<string, unknown> = { value: 'c0' };
    for (let i = 1; i <= depth; i++) id = { value: `c${i}`, parent: id };
    return id;
  };

  it('encodes 100 nested messages (protobuf’s limit), and they decode', () => {
    const bytes = encodeMessage('mesos.ContainerID', chain(100), 'id');
    expect(decodeMessage('mesos.ContainerID', bytes)).toEqual(chain(100));
  });

  it.each([101, 5000])('rejects %i with the path of the 101st', (depth) => {
    expect(() => encodeMessage('mesos.ContainerID', chain(depth), 'id')).toThrow(
      new InvalidArgumentError(
        `id${'.parent'.repeat(101)}`,
        'nested more than 100 messages deep (the protobuf limit)',
      ),
    );
  });
});

describe('strings that UTF-8 cannot encode', () => {
  it.each([
    ['a\uD800b', 'U+D800 at index 1'],
    ['\uDC00', 'U+DC00 at index 0'],
    ['ok\uD83D', 'U+D83D at index 2'],
  ])('rejects a lone surrogate in a string field (%#)', (value, where) => {
    expect(() => encodeMessage('mesos.TaskID', { value }, 'id')).toThrow(
      new InvalidArgumentError(
        'id.value',
        `has a lone surrogate (${where}), which UTF-8 cannot encode`,
      ),
    );
  });

  it('rejects one in a map key, and keeps surrogate pairs', () => {
    const volumeContext = { 'k\uDFFF': 'v' };
    const provisioning = {
      volumeId: 'v',
      volumeCapability: { mount: {}, accessMode: { mode: 'SINGLE_NODE_WRITER' } },
      volumeContext,
    };
    const name = 'mesos.Volume.Source.CSIVolume.StaticProvisioning';
    expect(() => encodeMessage(name, provisioning, 'p')).toThrow(
      new InvalidArgumentError(
        "p.volumeContext['k\uDFFF']",
        'has a lone surrogate (U+DFFF at index 1), which UTF-8 cannot encode',
      ),
    );
    const bytes = encodeMessage('mesos.TaskID', { value: 'a\uD83D\uDE00' }, 'id');
    expect(decodeMessage('mesos.TaskID', bytes)).toEqual({ value: 'a😀' });
  });
});

describe('oneof', () => {
  const constraints = (selector: object, predicate: object = { exists: {} }) => ({
    roleConstraints: { web: { groups: [{ attributeConstraints: [{ selector, predicate }] }] } },
  });
  const where = "c.roleConstraints['web'].groups[0].attributeConstraints[0]";

  it('rejects both members of a oneof set, naming both', () => {
    const both = { attributeName: 'rack', pseudoattributeType: 'HOSTNAME' };
    expect(() => encodeMessage('mesos.scheduler.OfferConstraints', constraints(both), 'c')).toThrow(
      new InvalidArgumentError(
        `${where}.selector`,
        'pseudoattributeType and attributeName are both set; they are alternatives (oneof selector): set one',
      ),
    );
    const predicate = { exists: {}, textEquals: { value: 'x' } };
    expect(() =>
      encodeMessage(
        'mesos.scheduler.OfferConstraints',
        constraints({ attributeName: 'r' }, predicate),
        'c',
      ),
    ).toThrow(`${where}.predicate: exists and textEquals are both set`);
  });

  it('accepts one member', () => {
    const bytes = encodeMessage(
      'mesos.scheduler.OfferConstraints',
      constraints({ attributeName: 'r' }),
      'c',
    );
    expect(decodeMessage('mesos.scheduler.OfferConstraints', bytes)).toEqual(
      constraints({ attributeName: 'r' }),
    );
  });
});

describe('doubles', () => {
  it.each([NaN, Infinity, -Infinity])('rejects %p', (value) => {
    expect(() => encodeMessage('mesos.Filters', { refuseSeconds: value }, 'filters')).toThrow(
      new InvalidArgumentError('filters.refuseSeconds', `expected a finite number, got ${value}`),
    );
    const scalar = { name: 'cpus', type: 'SCALAR', scalar: { value } };
    expect(() => encodeMessage('mesos.Resource', scalar, 'r')).toThrow(/^r\.scalar\.value: /);
  });
});

describe('encodeMessage from plain JavaScript', () => {
  it('names paths from "value" when no path is given', () => {
    const encode = encodeMessage as (name: string, value: unknown, where?: unknown) => Uint8Array;
    expect(() => encode('mesos.TaskID', { nmae: 'x' })).toThrow(/^value\.nmae: unknown field/);
    expect(() => encode('mesos.TaskID', { nmae: 'x' }, 7)).toThrow(/^value\.nmae: unknown field/);
  });
});
