import fc from 'fast-check';
import { isPlainObject } from '../../../src/messages/describe';
import { schema } from '../../../src/messages/schema';
import { withHole } from '../../support/arrays';
import { mutated } from '../messages/mutations';
import { messageArbitrary } from '../messages/schema-arbitrary';

/** One argument of a driver call: valid values, and bad ones with the path they must name. */
export interface Arg {
  valid: fc.Arbitrary<unknown>;
  bad: (name: string) => fc.Arbitrary<Bad>;
}
export interface Bad {
  value: unknown;
  path: string;
}

const at = (path: string) => (value: unknown) => ({ value, path });

export function message(
  typeName: string,
  adjust = (m: Record<string, unknown>): Record<string, unknown> => m,
): Arg {
  const type = schema().root.lookupType(typeName);
  const valid = messageArbitrary(type).map(adjust);
  return {
    valid,
    bad: (name) =>
      fc.oneof(
        mutated(type, valid, name).map(({ value, mutation }) => ({ value, path: mutation.path })),
        fc.constantFrom(null, undefined, 'x', 5, [], new Date(0), new Map()).map(at(name)),
      ),
  };
}

export function optional(arg: Arg): Arg {
  return {
    valid: fc.option(arg.valid, { nil: undefined }),
    bad: (name) => arg.bad(name).filter(({ value }) => value !== null && value !== undefined),
  };
}

/** An array of arg; reportAt names where a bad item at index i is reported. */
function arrayOf(arg: Arg, reportAt: (name: string, i: number) => string): Arg {
  const valid = fc.array(arg.valid, { maxLength: 2 });
  return {
    valid,
    bad: (name) =>
      fc.oneof(
        fc.constantFrom('x', 5, new Set(), new Map()).map(at(name)),
        fc.tuple(valid, fc.nat()).chain(([items, n]) => {
          const i = n % (items.length + 1);
          return fc.oneof(
            fc.constant({ value: withHole(items, i), path: reportAt(name, i) }),
            arg.bad(reportAt(name, i)).map(({ value, path }) => ({
              value: [...items.slice(0, i), value, ...items.slice(i)],
              path,
            })),
          );
        }),
      ),
  };
}

export const listOf = (arg: Arg): Arg => arrayOf(arg, (name, i) => `${name}[${i}]`);

/** launchTasks's offerIds: an array, or a single plain object read as one OfferID. */
export function listOrOne(arg: Arg): Arg {
  const list = listOf(arg);
  return {
    valid: list.valid,
    bad: (name) => list.bad(name).filter((b) => !isPlainObject(b.value)),
  };
}

const role = fc.stringMatching(/^[a-z]{1,6}$/);
const notARole: Arg = {
  valid: role,
  bad: (name) => fc.constantFrom(5, null, ['a'], new String('a')).map(at(name)),
};

/** Distinct role names; a bad list is reported at the list itself. */
export const roles: Arg = {
  ...arrayOf(notARole, (name) => name),
  valid: fc.uniqueArray(role, { maxLength: 3 }),
};

export const bytes: Arg = {
  valid: fc.uint8Array({ maxLength: 8 }),
  bad: (name) => fc.constantFrom('x', [1], new ArrayBuffer(1), undefined, null).map(at(name)),
};
