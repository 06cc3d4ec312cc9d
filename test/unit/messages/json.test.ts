import { decodeMessage, encodeMessage } from '../../../src/messages';
import { messageReplacer, messageToJson } from '../../../src/messages/json';

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
