import { InvalidArgumentError } from '../../../src/errors';
import {
  addResources,
  containsResources,
  equalResources,
  ranges,
  scalar,
  scalarTotal,
  set,
  subtractResources,
  type ResourceLike,
} from '../../../src/helpers';

/** A small deterministic generator (mulberry32) for property checks. */
function random(seed: number): () => number {
  return () => {
    seed |= 0;
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Ranges and sets add as unions (as in Mesos), so each side draws ports and items from
// its own region: the property below is about disjoint amounts.
function randomResources(next: () => number, region = 0): ResourceLike[] {
  const out: ResourceLike[] = [];
  if (next() < 0.8) out.push(scalar('cpus', Math.round(next() * 8000) / 1000));
  if (next() < 0.5) out.push(scalar('cpus', Math.round(next() * 4000) / 1000, { role: 'web' }));
  if (next() < 0.8) out.push(scalar('mem', Math.round(next() * 4096)));
  if (next() < 0.7) {
    const begin = 31000 + region * 1000 + Math.floor(next() * 500);
    out.push(ranges('ports', [[begin, begin + Math.floor(next() * 50)]]));
  }
  if (next() < 0.4)
    out.push(
      set(
        'disks',
        ['a', 'b', 'c'].map((disk) => `${disk}${region}`).filter(() => next() < 0.6),
      ),
    );
  return addResources([], out);
}

describe('resource arithmetic', () => {
  it('adding then subtracting gives the start (200 random cases)', () => {
    const next = random(42);
    for (let i = 0; i < 200; i++) {
      const a = randomResources(next);
      const b = randomResources(next, 1);
      const sum = addResources(a, b);
      expect(containsResources(sum, a)).toBe(true);
      expect(containsResources(sum, b)).toBe(true);
      expect(equalResources(subtractResources(sum, b), a)).toBe(true);
    }
  });

  it('keeps kinds apart: roles are not mixed', () => {
    const total = addResources(
      [scalar('cpus', 1)],
      [scalar('cpus', 2, { role: 'web' }), scalar('cpus', 0.5)],
    );
    expect(total).toEqual([
      { name: 'cpus', type: 'SCALAR', scalar: { value: 1.5 } },
      { name: 'cpus', type: 'SCALAR', scalar: { value: 2 }, role: 'web' },
    ]);
    expect(scalarTotal(total, 'cpus')).toBe(3.5);
    expect(containsResources(total, [scalar('cpus', 2)])).toBe(false);
  });

  it('merges and splits port ranges', () => {
    const merged = addResources(
      [ranges('ports', [[31000, 31004]])],
      [
        ranges('ports', [
          [31005, 31010],
          [32000, 32000],
        ]),
      ],
    );
    expect(merged[0].ranges?.range).toEqual([
      { begin: 31000n, end: 31010n },
      { begin: 32000n, end: 32000n },
    ]);
    const left = subtractResources(merged, [ranges('ports', [[31003, 31005]])]);
    expect(left[0].ranges?.range).toEqual([
      { begin: 31000n, end: 31002n },
      { begin: 31006n, end: 31010n },
      { begin: 32000n, end: 32000n },
    ]);
  });

  it('uses Mesos fixed-point scalars (three decimals)', () => {
    expect(addResources([scalar('cpus', 0.1)], [scalar('cpus', 0.2)])[0].scalar?.value).toBe(0.3);
  });

  it('refuses to subtract what is not there', () => {
    expect(() => subtractResources([scalar('cpus', 1)], [scalar('cpus', 2)])).toThrow(
      InvalidArgumentError,
    );
    expect(() => subtractResources([scalar('cpus', 1)], [scalar('mem', 1)])).toThrow(
      'cannot subtract resources that are not contained',
    );
  });
});

describe('scalar()', () => {
  test.each([
    [NaN, 'NaN'],
    [-1, '-1'],
    [Infinity, 'Infinity'],
    [-Infinity, '-Infinity'],
    ['2' as unknown as number, "'2'"],
  ])('refuses %p as its value, naming it', (value, shown) => {
    let error: unknown;
    try {
      scalar('cpus', value);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(InvalidArgumentError);
    expect((error as InvalidArgumentError).message).toContain('value');
    expect((error as InvalidArgumentError).message).toContain(shown);
  });

  test('takes 0 and fractions', () => {
    expect(scalar('cpus', 0).scalar).toEqual({ value: 0 });
    expect(scalar('cpus', 0.5).scalar).toEqual({ value: 0.5 });
  });
});
