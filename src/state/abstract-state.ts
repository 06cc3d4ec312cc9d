import type { NativeState } from '../native/binding';
import { operationError } from '../native/failure';
import type { State } from './state';
import { nativeVariable, wrapVariable, type Variable } from './variable';
import { checkString } from './validate';

/**
 * What every State over libmesos shares (Java's `AbstractState`): the native
 * mesos::state::State (made at once, or once a ZooKeeper server list has resolved), and
 * the conversion of its results and failures.
 */
export abstract class AbstractState implements State {
  private readonly native: Promise<NativeState>;

  /** @internal */
  protected constructor(native: Promise<NativeState>) {
    this.native = native;
    // A State nobody uses must not report its construction failure as unhandled: every
    // operation reports it.
    native.catch(() => undefined);
  }

  /** Checks a variable name; backends narrow what they accept. */
  protected checkName(name: unknown): string {
    return checkString(name, 'name');
  }

  async fetch(name: string): Promise<Variable> {
    const checked = this.checkName(name);
    return this.run(`fetch('${checked}')`, async (state) =>
      wrapVariable(await state.fetch(checked)),
    );
  }

  async store(variable: Variable): Promise<Variable | null> {
    const native = nativeVariable(variable, 'variable');
    return this.run('store', async (state) => {
      const stored = await state.store(native);
      return stored === null ? null : wrapVariable(stored);
    });
  }

  async expunge(variable: Variable): Promise<boolean> {
    const native = nativeVariable(variable, 'variable');
    return this.run('expunge', (state) => state.expunge(native));
  }

  async names(): Promise<string[]> {
    return this.run('names', (state) => state.names());
  }

  private async run<T>(operation: string, call: (state: NativeState) => Promise<T>): Promise<T> {
    const state = await this.native;
    try {
      return await call(state);
    } catch (error) {
      throw operationError(`State.${operation}`, error);
    }
  }
}
