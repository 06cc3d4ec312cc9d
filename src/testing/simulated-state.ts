import type { NativeState, NativeVariable } from '../native/binding';
import { AbstractState } from '../state/abstract-state';

interface Entry {
  value: Uint8Array;
  /** Changes with every store: a variable fetched before it is stale. */
  token: number;
}

class MemoryVariable implements NativeVariable {
  constructor(
    readonly name: string,
    private readonly bytes: Uint8Array,
    readonly token: number,
  ) {}

  value(): Uint8Array {
    return this.bytes.slice();
  }

  mutate(value: Uint8Array): NativeVariable {
    return new MemoryVariable(this.name, value.slice(), this.token);
  }
}

/** libmesos's versioned storage semantics over a Map. */
class MemoryStorage implements NativeState {
  private readonly entries = new Map<string, Entry>();
  private tokens = 0;

  async fetch(name: string): Promise<NativeVariable> {
    const entry = this.entries.get(name);
    return new MemoryVariable(name, entry?.value ?? new Uint8Array(), entry?.token ?? 0);
  }

  async store(variable: NativeVariable): Promise<NativeVariable | null> {
    const { name, token } = variable as MemoryVariable;
    if ((this.entries.get(name)?.token ?? 0) !== token) return null;
    const entry = { value: variable.value(), token: ++this.tokens };
    this.entries.set(name, entry);
    return new MemoryVariable(name, entry.value, entry.token);
  }

  async expunge(variable: NativeVariable): Promise<boolean> {
    const { name, token } = variable as MemoryVariable;
    const entry = this.entries.get(name);
    if (!entry || entry.token !== token) return false;
    this.entries.delete(name);
    return true;
  }

  async names(): Promise<string[]> {
    return [...this.entries.keys()].sort();
  }
}

/**
 * A State in this process's memory, in TypeScript: the semantics of InMemoryState (a
 * store applies only to the variable's latest version) without the native addon, for
 * tests on the simulated cluster (a ServiceScheduler's State, a FrameworkIdStore).
 */
export class SimulatedState extends AbstractState {
  constructor() {
    super(Promise.resolve(new MemoryStorage()));
  }
}
