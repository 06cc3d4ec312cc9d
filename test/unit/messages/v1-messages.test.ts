import { decodeMessage, encodeMessage } from '../../../src/messages';
import type { v1 } from '../../../src';

describe('v1 messages', () => {
  it('encode and decode with the same representation as the classic ones', () => {
    const call: v1.Call = {
      type: 'SUBSCRIBE',
      subscribe: {
        frameworkInfo: { user: 'u', name: 'f', roles: ['r'], capabilities: [], offerFilters: {} },
        suppressedRoles: [],
      },
    };
    const bytes = encodeMessage('mesos.v1.scheduler.Call', call, 'call');
    expect(decodeMessage('mesos.v1.scheduler.Call', bytes)).toEqual(call);
  });

  it('are wire-compatible with the classic ones under their renamed fields (slave -> agent)', () => {
    const offer: v1.Offer = {
      id: { value: 'o' },
      frameworkId: { value: 'f' },
      agentId: { value: 'a' },
      hostname: 'h',
      resources: [],
      attributes: [],
      executorIds: [],
    };
    const bytes = encodeMessage('mesos.v1.Offer', offer, 'offer');
    expect(decodeMessage('mesos.Offer', bytes)).toMatchObject({ slaveId: { value: 'a' } });
  });

  it('name the field that does not encode', () => {
    expect(() => encodeMessage('mesos.v1.scheduler.Call', { type: 'NOPE' }, 'call')).toThrow(
      /call\.type/,
    );
  });

  it('cover the executor API', () => {
    const event: v1.ExecutorEvent = {
      type: 'ACKNOWLEDGED',
      acknowledged: { taskId: { value: 't' }, uuid: new Uint8Array([1, 2]) },
    };
    const bytes = encodeMessage('mesos.v1.executor.Event', event, 'event');
    expect(decodeMessage('mesos.v1.executor.Event', bytes)).toEqual(event);
  });
});
