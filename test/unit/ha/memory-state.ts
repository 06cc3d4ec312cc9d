import type { State } from '../../../src/state/state';
import type { Variable } from '../../../src/state/variable';

/**
 * A State in TypeScript with the versioned semantics of libmesos's: a store or expunge
 * applies only if the variable's version is still the stored one. `before` runs before
 * every operation, so a test can write in between.
 */
export class MemoryState implements State {
  readonly entries = new Map<string, { value: Uint8Array; version: number }>();
  before: (operation: string) => Promise<void> | void = () => undefined;

  private variable(name: string, value: Uint8Array, version: number): Variable {
    const make = (v: Uint8Array): Variable =>
      ({
        get value() {
          return v.slice();
        },
        mutate: (next: Uint8Array) => make(next),
        name,
        version,
      }) as unknown as Variable;
    return make(value);
  }

  async fetch(name: string): Promise<Variable> {
    await this.before('fetch');
    const entry = this.entries.get(name);
    return this.variable(name, entry?.value ?? new Uint8Array(), entry?.version ?? 0);
  }

  async store(variable: Variable): Promise<Variable | null> {
    await this.before('store');
    const { name, version } = variable as unknown as { name: string; version: number };
    const entry = this.entries.get(name);
    if ((entry?.version ?? 0) !== version) return null;
    const next = { value: variable.value, version: version + 1 };
    this.entries.set(name, next);
    return this.variable(name, next.value, next.version);
  }

  async expunge(variable: Variable): Promise<boolean> {
    await this.before('expunge');
    const { name, version } = variable as unknown as { name: string; version: number };
    const entry = this.entries.get(name);
    if (!entry || entry.version !== version) return false;
    this.entries.delete(name);
    return true;
  }

  async names(): Promise<string[]> {
    return [...this.entries.keys()].sort();
  }
}
