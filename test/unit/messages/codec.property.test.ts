import fc from 'fast-check';
import { InvalidArgumentError } from '../../../src/errors';
import { decodeMessage, encodeMessage } from '../../../src/messages';
import { assertProperty } from '../../support/property';
import { decodedForm } from './decoded-form';
import { mutated } from './mutations';
import { fieldArbitrary, messageArbitrary, messageTypes, typeName } from './schema-arbitrary';

const types = messageTypes();
const withMaps = types.filter((type) => type.fieldsArray.some((field) => field.map));
/** Any type, and as often one with a map field (they are few). */
const anyType = fc.oneof(fc.constantFrom(...types), fc.constantFrom(...withMaps));

/** The InvalidArgumentError encoding throws, or a failure saying it did not throw one. */
function rejection(name: string, value: unknown, where: string): InvalidArgumentError {
  try {
    encodeMessage(name, value, where);
  } catch (error) {
    if (error instanceof InvalidArgumentError) return error;
    throw new Error(`not an InvalidArgumentError: ${String(error)}`);
  }
  throw new Error('encoded without an error');
}

describe('message codec properties (messages generated from the schema)', () => {
  it('every valid message decodes to what was encoded, and re-encodes to the same bytes', () => {
    const cases = anyType.chain((type) => messageArbitrary(type).map((value) => ({ type, value })));
    assertProperty(
      fc.property(cases, ({ type, value }) => {
        const name = typeName(type);
        const bytes = encodeMessage(name, value, 'value');
        const decoded = decodeMessage(name, bytes);
        expect(decoded).toEqual(decodedForm(type, value));
        const again = encodeMessage(name, decoded, 'value');
        expect(Buffer.from(again).equals(Buffer.from(bytes))).toBe(true);
      }),
      200,
    );
  });

  it('every mutation is an InvalidArgumentError naming its path', () => {
    const cases = anyType.chain((type) =>
      mutated(type, messageArbitrary(type), 'arg').map((c) => ({ type, ...c })),
    );
    assertProperty(
      fc.property(cases, ({ type, value, mutation }) => {
        const error = rejection(typeName(type), value, 'arg');
        expect({ kind: mutation.kind, path: error.argument }).toEqual({
          kind: mutation.kind,
          path: mutation.path,
        });
      }),
      600,
    );
  });

  it('setting two members of a oneof is rejected at the message', () => {
    const withOneofs = types.filter((type) => type.oneofsArray.length > 0);
    const cases = fc.constantFrom(...withOneofs).chain((type) =>
      fc.constantFrom(...type.oneofsArray).chain((oneof) => {
        const [a, b] = oneof.fieldsArray;
        return fc
          .tuple(messageArbitrary(type), fieldArbitrary(a, 0), fieldArbitrary(b, 0))
          .map(([message, x, y]) => ({ type, value: { ...message, [a.name]: x, [b.name]: y } }));
      }),
    );
    assertProperty(
      fc.property(cases, ({ type, value }) => {
        expect(rejection(typeName(type), value, 'arg').argument).toBe('arg');
      }),
      100,
    );
  });

  it('nesting deeper than 100 is rejected at the 101st message', () => {
    const chain = (depth: number) => {
      let id: Record<string, unknown> = { value: 'c' };
      for (let i = 0; i < depth; i++) id = { value: 'c', parent: id };
      return id;
    };
    assertProperty(
      fc.property(fc.integer({ min: 0, max: 400 }), (depth) => {
        if (depth <= 100) {
          expect(() => encodeMessage('mesos.ContainerID', chain(depth), 'id')).not.toThrow();
        } else {
          const error = rejection('mesos.ContainerID', chain(depth), 'id');
          expect(error.argument).toBe(`id${'.parent'.repeat(101)}`);
        }
      }),
      50,
    );
  });
});
