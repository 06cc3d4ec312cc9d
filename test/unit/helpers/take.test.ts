import {
  containsResources,
  equalResources,
  addResources,
  ranges,
  scalar,
  takeResources,
} from '../../../src/helpers';
import { decodeMessage, encodeMessage, type Resource } from '../../../src/messages';

const offer = [
  scalar('cpus', 2, { allocationInfo: { role: 'web' } }),
  scalar('mem', 512, { allocationInfo: { role: 'web' } }),
  ranges(
    'ports',
    [
      [31000, 31001],
      [31005, 31010],
    ],
    { allocationInfo: { role: 'web' } },
  ),
  scalar('cpus', 1, { allocationInfo: { role: 'batch' } }),
];

describe('takeResources', () => {
  it('takes 1 cpu, 128 MB and three ports, lowest first, keeping each resource’s kind', () => {
    const result = takeResources(offer, { cpus: 1, mem: 128, ports: 3, role: 'web' })!;
    expect(result.ports).toEqual([31000, 31001, 31005]);
    expect(result.taken).toEqual([
      scalar('cpus', 1, { allocationInfo: { role: 'web' } }),
      scalar('mem', 128, { allocationInfo: { role: 'web' } }),
      ranges(
        'ports',
        [
          [31000, 31001],
          [31005, 31005],
        ],
        { allocationInfo: { role: 'web' } },
      ),
    ]);
    expect(equalResources(addResources(result.taken, result.remaining), offer)).toBe(true);
  });

  it('never yields more than the offer holds', () => {
    for (const needs of [
      { cpus: 3, role: 'web' },
      { mem: 513 },
      { ports: 9 },
      { cpus: 1.5, role: 'batch' },
    ]) {
      expect(takeResources(offer, needs)).toBeUndefined();
    }
    const all = takeResources(offer, { cpus: 3, mem: 512, ports: 8 })!;
    expect(containsResources(offer, all.taken)).toBe(true);
    expect(all.remaining).toEqual([]);
  });

  it('takes a scalar from several resources of one name when no role is asked for', () => {
    const result = takeResources(offer, { cpus: 2.5 })!;
    expect(result.taken.filter((r) => r.name === 'cpus')).toHaveLength(2);
    expect(result.remaining).toContainEqual(
      scalar('cpus', 0.5, { allocationInfo: { role: 'batch' } }),
    );
  });

  it('works on decoded offers (bigint ranges) and its result encodes', () => {
    const decoded = offer.map(
      (r) => decodeMessage('mesos.Resource', encodeMessage('mesos.Resource', r, 'r')) as Resource,
    );
    const result = takeResources(decoded, { cpus: 1, mem: 128, ports: 1 })!;
    expect(result.ports).toEqual([31000]);
    expect(() =>
      result.taken.map((r, i) => encodeMessage('mesos.Resource', r, `taken[${i}]`)),
    ).not.toThrow();
  });
});
