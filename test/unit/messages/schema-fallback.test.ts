jest.mock('../../../src/discovery', () => ({ mesosProtoRoot: () => undefined }));

import { decodeMessage, encodeMessage, schemaSource } from '../../../src/messages';
import { COMMITTED_SCHEMA } from '../../../src/messages/schema';
import { SAMPLES } from './samples';

describe('schema without a Mesos installation', () => {
  it('comes from the committed schema/mesos.json and still round-trips', () => {
    const offer = SAMPLES['mesos.Offer'];
    expect(
      decodeMessage('mesos.Offer', encodeMessage('mesos.Offer', offer, 'offer')),
    ).toMatchObject(offer);
    expect(schemaSource()).toEqual({ kind: 'committed', file: COMMITTED_SCHEMA });
  });
});
