import {
  addResources,
  containsResources,
  scalar,
  scalarTotal,
  subtractResources,
  takeResources,
} from '../../../src/helpers';

const cpus = (value: number, role?: string) => scalar('cpus', value, role ? { role } : {});
const value = (resources: ReturnType<typeof cpus>[]) => resources.map((r) => r.scalar?.value);

describe('scalars in Mesos’s fixed point (values.cpp: llround(v * 1000) per operand)', () => {
  it('rounds each operand before adding or subtracting', () => {
    expect(value(addResources([cpus(1 / 3)], [cpus(1 / 3)]))).toEqual([0.666]);
    expect(value(subtractResources([cpus(1)], [cpus(1 / 3)]))).toEqual([0.667]);
    expect(scalarTotal([cpus(1 / 3), cpus(1 / 3, 'web')], 'cpus')).toBe(0.666);
  });

  it('compares in fixed point', () => {
    expect(containsResources([cpus(0.666)], [cpus(1 / 3), cpus(1 / 3)])).toBe(true);
    expect(containsResources([cpus(0.6664)], [cpus(0.6655)])).toBe(true);
    expect(containsResources([cpus(0.6664)], [cpus(0.6665)])).toBe(false);
  });

  it('takes scalars in fixed point', () => {
    const offer = [cpus(0.3334), cpus(0.3334, 'web')];
    expect(takeResources(offer, { cpus: 0.6668 })).toBeUndefined();
    const taken = takeResources(offer, { cpus: 0.6655 });
    expect(taken && value(taken.taken)).toEqual([0.333, 0.333]);
  });
});

describe('resources of one kind, as Mesos’s Resources holds them (merged)', () => {
  it('subtracts from one entry, not from each entry of the kind', () => {
    const left = subtractResources([cpus(2), cpus(2)], [cpus(1)]);
    expect(left).toEqual([cpus(3)]);
    const taken = takeResources([cpus(2), cpus(2)], { cpus: 1 });
    expect(taken && scalarTotal(taken.remaining, 'cpus')).toBe(3);
  });

  it('merges a’s own entries of one kind when adding', () => {
    expect(addResources([cpus(1), cpus(1)], [])).toEqual([cpus(2)]);
  });
});
