import fc from 'fast-check';
import { InvalidArgumentError } from '../../../src/errors';
import { decodeMessage, encodeMessage } from '../../../src/messages';
import { messageFromJson } from '../../../src/messages/from-json';
import { messageReplacer, messageToJson } from '../../../src/messages/json';
import { assertProperty } from '../../support/property';
import { messageArbitrary, messageTypes, typeName } from './schema-arbitrary';

describe('messages as JSON', () => {
  const offer = decodeMessage(
    'mesos.Offer',
    encodeMessage(
      'mesos.Offer',
      {
        id: { value: 'o1' },
        frameworkId: { value: 'f' },
        slaveId: { value: 's' },
        hostname: 'h',
        resources: [
          { name: 'ports', type: 'RANGES', ranges: { range: [{ begin: 31000, end: 31099 }] } },
        ],
      },
      'offer',
    ),
  );

  it('plain JSON.stringify refuses the 64-bit fields; the replacer writes decimal strings', () => {
    expect(() => JSON.stringify(offer)).toThrow(/BigInt/);
    expect(JSON.parse(messageToJson(offer)).resources[0].ranges.range[0]).toEqual({
      begin: '31000',
      end: '31099',
    });
  });

  it('writes bytes as base64', () => {
    expect(JSON.stringify({ data: new Uint8Array([104, 105]) }, messageReplacer)).toBe(
      '{"data":"aGk="}',
    );
  });
});

describe('messages back from JSON', () => {
  const types = messageTypes();

  it('messageFromJson(messageToJson(message)) is the message, for messages generated from the schema', () => {
    const cases = fc
      .constantFrom(...types)
      .chain((type) => messageArbitrary(type).map((value) => ({ type, value })));
    assertProperty(
      fc.property(cases, ({ type, value }) => {
        const name = typeName(type);
        const decoded = decodeMessage(name, encodeMessage(name, value, 'value'));
        expect(messageFromJson(name, messageToJson(decoded))).toEqual(decoded);
        expect(messageFromJson(name, JSON.parse(messageToJson(decoded)))).toEqual(decoded);
      }),
      200,
    );
  });

  it('names the field that does not convert, and refuses text that is not JSON', () => {
    expect(() => messageFromJson('mesos.Label', '{"key":"k","value":7}', 'label')).toThrow(
      new InvalidArgumentError('label.value', 'expected a string, got 7'),
    );
    expect(() =>
      messageFromJson(
        'mesos.Offer',
        '{"id":{"value":"o"},"frameworkId":{"value":"f"},"slaveId":{"value":"s"},"hostname":"h","resources":[{"name":"ports","type":"RANGES","ranges":{"range":[{"begin":"3x","end":"4"}]}}]}',
      ),
    ).toThrow(/^json\.resources\[0\]\.ranges\.range\[0\]\.begin: /);
    expect(() => messageFromJson('mesos.TaskStatus', '{"taskId":', 'status')).toThrow(
      /^status: not JSON: /,
    );
    const status = { taskId: { value: 't' }, state: 'TASK_RUNNING', data: 'not base64!' };
    expect(() => messageFromJson('mesos.TaskStatus', status)).toThrow(/^json\.data: /);
  });
});
