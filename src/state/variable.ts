import { InvalidArgumentError } from '../errors';
import type { NativeVariable } from '../native/binding';
import { checkBytes } from './validate';

const natives = new WeakMap<Variable, NativeVariable>();
let making = false;

/**
 * A named value in a {@link State}, immutable and versioned (Java's
 * `org.apache.mesos.state.Variable`): `mutate()` returns a new Variable, and storing it
 * succeeds only if the variable has not changed in the state since it was fetched. Made
 * only by a State (`fetch`, `store`).
 */
export class Variable {
  /** Variables come from {@link State.fetch} and {@link State.store}. */
  constructor() {
    if (!making) {
      throw new InvalidArgumentError(
        'Variable',
        'variables come from State.fetch() or State.store()',
      );
    }
  }

  /** The value: a fresh copy each time (an empty array for a variable never stored). */
  get value(): Uint8Array {
    const bytes = native(this).value();
    return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  /** A variable with the same name and version and the given value; this one is unchanged. */
  mutate(value: Uint8Array): Variable {
    return wrapVariable(native(this).mutate(checkBytes(value, 'value')));
  }
}

/** @internal The Variable of a native variable. */
export function wrapVariable(nativeVariable: NativeVariable): Variable {
  making = true;
  try {
    const variable = new Variable();
    natives.set(variable, nativeVariable);
    return variable;
  } finally {
    making = false;
  }
}

/** @internal The native variable of a Variable; an InvalidArgumentError naming argument otherwise. */
export function nativeVariable(value: unknown, argument: string): NativeVariable {
  const found = value instanceof Variable ? natives.get(value) : undefined;
  if (!found) {
    throw new InvalidArgumentError(
      argument,
      'expected a Variable from State.fetch() or State.store()',
    );
  }
  return found;
}

function native(variable: Variable): NativeVariable {
  return nativeVariable(variable, 'this');
}
