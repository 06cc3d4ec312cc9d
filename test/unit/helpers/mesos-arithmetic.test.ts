import { InvalidArgumentError } from '../../../src/errors';
import {
  addResources,
  containsResources,
  ranges,
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

describe('ports', () => {
  it('counts overlapping ranges once', () => {
    const offer = [ranges('ports', [[31000, 31005]]), ranges('ports', [[31003, 31008]])];
    expect(takeResources(offer, { ports: 9 })?.ports).toEqual([
      31000, 31001, 31002, 31003, 31004, 31005, 31006, 31007, 31008,
    ]);
    expect(takeResources(offer, { ports: 10 })).toBeUndefined();
  });

  it('takes a port once even when two kinds (roles) both list it', () => {
    const offer = [
      ranges('ports', [[31000, 31001]], { allocationInfo: { role: 'a' } }),
      ranges('ports', [[31000, 31001]], { allocationInfo: { role: 'b' } }),
    ];
    expect(takeResources(offer, { ports: 3 })).toBeUndefined();
    expect(takeResources(offer, { ports: 2 })?.ports).toEqual([31000, 31001]);
  });

  it('keeps ports above 2^53 exact, and will not list them as numbers', () => {
    const high = 2n ** 60n;
    const offer = [ranges('ports', [[high, high + 3n]])];
    const left = subtractResources(offer, [ranges('ports', [[high + 1n, high + 1n]])]);
    expect(left[0].ranges?.range).toEqual([
      { begin: high, end: high },
      { begin: high + 2n, end: high + 3n },
    ]);
    expect(() => takeResources(offer, { ports: 2 })).toThrow(
      new InvalidArgumentError(
        'resources',
        `port ${high} is above 2^53 - 1, so Taken.ports cannot list it as a number`,
      ),
    );
  });
});
