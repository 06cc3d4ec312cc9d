import { InvalidArgumentError } from '../../../src/errors';
import {
  addResources,
  containsResources,
  ranges,
  scalar,
  scalarTotal,
  subtractResources,
  takeResources,
  type ResourceLike,
} from '../../../src/helpers';

/** A scalar resource built without scalar()'s checks, to reach the helpers' own. */
const unchecked = (name: string, value: number) => ({
  name,
  type: 'SCALAR' as const,
  scalar: { value },
});

const offer = [scalar('cpus', 2), scalar('mem', 512), ranges('ports', [[31000, 31009]])];
const invalid = (argument: string, message: string) => new InvalidArgumentError(argument, message);

describe('amounts are checked, naming the need or resource', () => {
  it.each([
    [{ cpus: NaN }, 'needs.cpus', 'expected a finite amount ≥ 0, got NaN'],
    [{ mem: -1 }, 'needs.mem', 'expected a finite amount ≥ 0, got -1'],
    [{ disk: Infinity }, 'needs.disk', 'expected a finite amount ≥ 0, got Infinity'],
    [{ ports: 1.5 }, 'needs.ports', 'expected a whole number of ports ≥ 0, got 1.5'],
    [{ ports: -2 }, 'needs.ports', 'expected a whole number of ports ≥ 0, got -2'],
    [{ role: 5 }, 'needs.role', 'expected a role name (a string), got 5'],
  ])('takeResources needs %p', (needs, argument, message) => {
    expect(() => takeResources(offer, needs as never)).toThrow(invalid(argument, message));
  });

  it('rejects NaN, infinite and negative scalars in every helper', () => {
    expect(() => addResources([scalar('cpus', 1)], [unchecked('cpus', NaN)])).toThrow(
      invalid('b[0].scalar.value', 'expected a finite amount ≥ 0, got NaN'),
    );
    expect(() => addResources([unchecked('cpus', -1)], [scalar('cpus', 2)])).toThrow(
      invalid('a[0].scalar.value', 'expected a finite amount ≥ 0, got -1'),
    );
    expect(() => subtractResources([scalar('cpus', 2)], [unchecked('cpus', -1)])).toThrow(
      invalid('b[0].scalar.value', 'expected a finite amount ≥ 0, got -1'),
    );
    expect(() => containsResources([unchecked('cpus', Infinity)], [])).toThrow(
      invalid('a[0].scalar.value', 'expected a finite amount ≥ 0, got Infinity'),
    );
    expect(() => scalarTotal([scalar('mem', 1), unchecked('cpus', NaN)], 'cpus')).toThrow(
      invalid('resources[1].scalar.value', 'expected a finite amount ≥ 0, got NaN'),
    );
    expect(() => takeResources([unchecked('cpus', NaN)], { cpus: 1 })).toThrow(
      invalid('resources[0].scalar.value', 'expected a finite amount ≥ 0, got NaN'),
    );
  });

  it('checks range bounds: whole, exact, from 0 to 2^64 - 1, begin not after end', () => {
    const bound = 'expected a bigint or a safe integer from 0 to 2^64 - 1';
    expect(() => ranges('ports', [[1.5, 2]])).toThrow(invalid('values[0][0]', `${bound}, got 1.5`));
    expect(() => ranges('ports', [[1, 2 ** 60]])).toThrow(
      invalid('values[0][1]', `${bound}, got ${2 ** 60}`),
    );
    const reversed: ResourceLike = {
      name: 'ports',
      type: 'RANGES',
      ranges: { range: [{ begin: 5, end: 3 }] },
    };
    expect(() => addResources([reversed], [])).toThrow(
      invalid('a[0].ranges.range[0]', 'begin 5 is after end 3'),
    );
    const negative = { ...reversed, ranges: { range: [{ begin: -1n, end: 3 }] } };
    expect(() => addResources([], [negative])).toThrow(
      invalid('b[0].ranges.range[0].begin', `${bound}, got -1n`),
    );
  });

  it('rejects types the helpers cannot add (as Mesos does) and non-arrays', () => {
    const text = { name: 'x', type: 'TEXT', text: { value: 'v' } } as ResourceLike;
    expect(() => addResources([text], [])).toThrow(
      invalid('a[0].type', "expected SCALAR, RANGES or SET, got 'TEXT'"),
    );
    expect(() => addResources({} as never, [])).toThrow(
      invalid('a', 'expected an array of resources, got object'),
    );
  });

  it('rejects amounts too large to count in thousandths exactly', () => {
    expect(() => takeResources(offer, { mem: 1e13 })).toThrow(
      invalid(
        'needs.mem',
        '10000000000000 is too large: Mesos counts thousandths, and a number holds at most 2^53 - 1 exactly',
      ),
    );
  });
});
