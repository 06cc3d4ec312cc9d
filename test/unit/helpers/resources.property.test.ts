import fc from 'fast-check';
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
  takeResources,
  type ResourceLike,
} from '../../../src/helpers';
import { assertProperty } from '../../support/property';
import * as model from './resource-model';

/** A scalar resource built without scalar()'s checks, to reach the helpers' own. */
const unchecked = (name: string, value: number) => ({
  name,
  type: 'SCALAR' as const,
  scalar: { value },
});

const role = fc.constantFrom(undefined, 'a', 'b');
const options = (r: string | undefined) => (r ? { allocationInfo: { role: r } } : {});

const amount = fc.oneof(
  fc.integer({ min: 0, max: 5000 }).map((k) => k / 1000),
  fc.double({ min: 0, max: 50, noNaN: true }),
  fc.constantFrom(1 / 3, 2 / 3, 0.1, 0.2, 0.0004, 0.0005, 0.0015),
);

/** Resources in a region: its own ports and set items, so two regions never overlap. */
function resources(region: 0 | 1, bases: bigint[] = [0n, 31000n, 2n ** 64n - 200n]) {
  const scalars = fc
    .tuple(fc.constantFrom('cpus', 'mem'), amount, role)
    .map(([name, value, r]) => scalar(name, value, options(r)));
  const portRanges = fc
    .tuple(
      fc.constantFrom(...bases),
      fc.array(fc.tuple(fc.nat(40), fc.nat(8)), { maxLength: 3 }),
      role,
    )
    .map(([base, spans, r]) => {
      const at = (offset: number) => base + BigInt(region * 60 + offset);
      return ranges(
        'ports',
        spans.map(([start, length]) => [at(start), at(start + length)]),
        options(r),
      );
    });
  const sets = fc.tuple(fc.subarray(['a', 'b', 'c', 'd']), role).map(([items, r]) =>
    set(
      'disks',
      items.map((item) => `${item}${region}`),
      options(r),
    ),
  );
  return fc.array(fc.oneof(scalars, portRanges, sets), { maxLength: 6 });
}

const expectModel = (actual: ResourceLike[], expected: model.Model) =>
  expect(model.equal(model.modelOf(actual), expected)).toBe(true);

describe('resource helpers against a model of Mesos’s Resources arithmetic', () => {
  it('add, contains and subtract agree with the model', () => {
    assertProperty(
      fc.property(resources(0), resources(0), (a, b) => {
        const [ma, mb] = [model.modelOf(a), model.modelOf(b)];
        expectModel(addResources(a, b), model.add(ma, mb));
        const contained = model.contains(ma, mb);
        expect(containsResources(a, b)).toBe(contained);
        expect(equalResources(a, b)).toBe(model.equal(ma, mb));
        if (contained) expectModel(subtractResources(a, b), model.subtract(ma, mb));
        else expect(() => subtractResources(a, b)).toThrow(InvalidArgumentError);
      }),
      300,
    );
  });

  it('subtracting what was added gives the start back; contains agrees with subtract', () => {
    assertProperty(
      fc.property(resources(0), resources(1), (a, b) => {
        const sum = addResources(a, b);
        expect(containsResources(sum, a) && containsResources(sum, b)).toBe(true);
        expect(equalResources(subtractResources(sum, b), a)).toBe(true);
        expect(equalResources(addResources(subtractResources(sum, a), a), sum)).toBe(true);
      }),
      200,
    );
  });

  it('takeResources takes exactly the needs, never more than offered, distinct ports', () => {
    const needs = fc.record(
      {
        cpus: amount,
        mem: amount,
        ports: fc.nat(12),
        role: fc.constantFrom('a', 'b'),
      },
      { requiredKeys: [] },
    );
    assertProperty(
      fc.property(resources(0, [0n, 31000n]), needs, (offer, need) => {
        const usable = model.modelOf(
          offer.filter((r) => need.role === undefined || r.allocationInfo?.role === need.role),
        );
        const fixed = (value: number | undefined) => Math.round((value ?? 0) * 1000);
        const enough =
          model.holds(usable, 'cpus', fixed(need.cpus)) &&
          model.holds(usable, 'mem', fixed(need.mem)) &&
          model.portCount(usable) >= (need.ports ?? 0);
        const result = takeResources(offer, need);
        expect(result !== undefined).toBe(enough);
        if (!result) return;
        const taken = model.modelOf(result.taken);
        expect(model.contains(usable, taken)).toBe(true);
        expectModel(addResources(result.taken, result.remaining), model.modelOf(offer));
        expect(fixed(scalarTotal(result.taken, 'cpus'))).toBe(fixed(need.cpus));
        expect(fixed(scalarTotal(result.taken, 'mem'))).toBe(fixed(need.mem));
        expect(new Set(result.ports).size).toBe(need.ports ?? 0);
        expect(result.ports.length).toBe(need.ports ?? 0);
        expect(model.portCount(taken)).toBe(need.ports ?? 0);
      }),
      300,
    );
  });

  it('a bad amount anywhere is an InvalidArgumentError naming it', () => {
    const bad = fc.constantFrom<[string, ResourceLike]>(
      ['scalar.value', unchecked('cpus', NaN)],
      ['scalar.value', unchecked('mem', -0.5)],
      ['scalar.value', unchecked('cpus', Infinity)],
      [
        'ranges.range[0].begin',
        { name: 'ports', type: 'RANGES', ranges: { range: [{ begin: 1.5, end: 2 }] } },
      ],
      [
        'ranges.range[0].end',
        { name: 'ports', type: 'RANGES', ranges: { range: [{ begin: 1, end: 2 ** 60 }] } },
      ],
      [
        'ranges.range[0]',
        { name: 'ports', type: 'RANGES', ranges: { range: [{ begin: 9, end: 3 }] } },
      ],
      ['type', { name: 'x', type: 'TEXT' }],
    );
    const call = fc.constantFrom<[string, (a: ResourceLike[], b: ResourceLike[]) => unknown]>(
      ['a', (x, y) => addResources(x, y)],
      ['b', (x, y) => addResources(y, x)],
      ['a', (x, y) => subtractResources(x, y)],
      ['b', (x, y) => containsResources(y, x)],
      ['a', (x, y) => equalResources(x, y)],
      ['resources', (x) => scalarTotal(x, 'cpus')],
      ['resources', (x) => takeResources(x, { cpus: 0 })],
    );
    assertProperty(
      fc.property(
        resources(0),
        resources(0),
        bad,
        call,
        fc.nat(),
        (a, b, [field, resource], [name, run], at) => {
          const i = at % (a.length + 1);
          const broken = [...a.slice(0, i), resource, ...a.slice(i)];
          try {
            run(broken, b);
          } catch (error) {
            expect(error).toBeInstanceOf(InvalidArgumentError);
            expect((error as InvalidArgumentError).argument).toBe(`${name}[${i}].${field}`);
            return;
          }
          throw new Error('no error');
        },
      ),
      300,
    );
  });
});
