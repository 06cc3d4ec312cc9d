import fc from 'fast-check';
import { encodeMessage } from '../../../src/messages';
import { encode } from '../../../src/messages/codec';
import { tryFastEncode } from '../../../src/messages/fast-encode';
import { schema } from '../../../src/messages/schema';
import { assertProperty } from '../../support/property';
import { mutated } from './mutations';
import { SAMPLES } from './samples';
import { messageArbitrary, messageTypes, typeName } from './schema-arbitrary';

const types = messageTypes();
const same = (a: Uint8Array, b: Uint8Array) => Buffer.from(a).equals(Buffer.from(b));

describe('fast encoder (src/messages/fast-encode.ts)', () => {
  it('writes what the checking converter writes, or gives up', () => {
    let written = 0;
    const cases = fc
      .constantFrom(...types)
      .chain((type) => messageArbitrary(type).map((value) => ({ type, value })));
    assertProperty(
      fc.property(cases, ({ type, value }) => {
        const fast = tryFastEncode(type, value);
        if (fast === null) return;
        written++;
        expect(same(fast, encodeMessage(typeName(type), value, 'value'))).toBe(true);
      }),
      300,
    );
    expect(written).toBeGreaterThan(0);
  });

  it('gives up on every invalid message (the converter reports it)', () => {
    const cases = fc
      .constantFrom(...types)
      .chain((type) => mutated(type, messageArbitrary(type), 'arg').map((c) => ({ type, ...c })));
    assertProperty(
      fc.property(cases, ({ type, value }) => {
        expect(tryFastEncode(type, value)).toBeNull();
      }),
      600,
    );
  });

  it('writes the messages driver calls carry, as the converter does', () => {
    const fastTypes = ['mesos.OfferID', 'mesos.Filters', 'mesos.TaskStatus', 'mesos.TaskID'];
    for (const name of fastTypes) {
      const type = schema().root.lookupType(name);
      const fast = tryFastEncode(type, SAMPLES[name]);
      expect({ name, written: fast !== null }).toEqual({ name, written: true });
      expect(same(fast!, encodeMessage(name, SAMPLES[name], 'value'))).toBe(true);
    }
    // The launchTasks benchmark's TaskInfo.
    const task = {
      name: 'bench',
      taskId: { value: 'bench-task-1' },
      slaveId: { value: 'bench-agent' },
      command: { value: 'true' },
      resources: [{ name: 'cpus', type: 'SCALAR', scalar: { value: 1 } }],
    };
    const fast = tryFastEncode(schema().root.lookupType('mesos.TaskInfo'), task);
    expect(fast).not.toBeNull();
    expect(same(fast!, encodeMessage('mesos.TaskInfo', task, 'tasks[0]'))).toBe(true);
  });

  it('leaves a long string, non-ASCII text and big messages right', () => {
    const long = 'x'.repeat(300) + 'é€😀';
    const value = { taskId: { value: long }, state: 'TASK_RUNNING', message: 'ü'.repeat(70000) };
    const type = schema().root.lookupType('mesos.TaskStatus');
    const fast = tryFastEncode(type, value);
    expect(fast).not.toBeNull();
    expect(same(fast!, encodeMessage('mesos.TaskStatus', value, 'value'))).toBe(true);
  });

  it('is not entered again by a getter that encodes while it runs', () => {
    const inner = { value: 'inner' };
    const outer = {
      get value() {
        return Buffer.from(encode('mesos.TaskID', inner, 'inner')).toString('hex');
      },
    };
    expect(
      same(encode('mesos.TaskID', outer, 'outer'), encodeMessage('mesos.TaskID', outer, 'outer')),
    ).toBe(true);
  });
});
