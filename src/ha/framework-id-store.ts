import { InvalidArgumentError, MesosNapiError } from '../errors';
import type { FrameworkID } from '../messages/message-types';
import type { State } from '../state/state';

const ATTEMPTS = 10;
const encoder = new TextEncoder();
const decoder = new TextDecoder();

/**
 * Where the processes of a highly available framework keep its framework id, in a
 * {@link State} they share (a {@link ZooKeeperState} for processes on several machines):
 * the first leader stores the id the master gave it, a later leader reads it and
 * registers with it, failing over to the same framework (its tasks kept, within
 * `failoverTimeout`). The value is the id's UTF-8 text.
 *
 * Every write is a versioned store: it applies only to the value it read, and is read
 * again and retried when another process wrote in between.
 */
export class FrameworkIdStore {
  /**
   * @param state The shared State.
   * @param name The variable's name (default 'framework-id').
   */
  constructor(
    readonly state: State,
    readonly name = 'framework-id',
  ) {
    if (typeof state !== 'object' || state === null || typeof state.fetch !== 'function') {
      throw new InvalidArgumentError('state', 'expected a State');
    }
    if (typeof name !== 'string' || name === '') {
      throw new InvalidArgumentError('name', 'expected a non-empty string');
    }
  }

  /** The stored framework id, or undefined when none is stored. */
  async load(): Promise<FrameworkID | undefined> {
    const variable = await this.state.fetch(this.name);
    const value = decoder.decode(variable.value);
    return value === '' ? undefined : { value };
  }

  /** Stores the framework id (replacing any other). */
  async save(id: FrameworkID): Promise<void> {
    const value = checkId(id, 'id');
    for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
      const variable = await this.state.fetch(this.name);
      if (decoder.decode(variable.value) === value) return;
      if (await this.state.store(variable.mutate(encoder.encode(value)))) return;
    }
    throw new MesosNapiError(`FrameworkIdStore: '${this.name}' kept changing while storing`);
  }

  /**
   * Removes the stored id, but only while it is still `id` (when given): a process that
   * saw its framework removed must not clear the id another has stored since. Resolves
   * true if it removed one.
   */
  async clear(id?: FrameworkID): Promise<boolean> {
    const expected = id === undefined ? undefined : checkId(id, 'id');
    for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
      const variable = await this.state.fetch(this.name);
      const value = decoder.decode(variable.value);
      if (value === '' || (expected !== undefined && value !== expected)) return false;
      if (await this.state.expunge(variable)) return true;
    }
    throw new MesosNapiError(`FrameworkIdStore: '${this.name}' kept changing while clearing`);
  }
}

function checkId(id: FrameworkID, where: string): string {
  if (typeof id !== 'object' || id === null || typeof id.value !== 'string' || id.value === '') {
    throw new InvalidArgumentError(where, 'expected a FrameworkID ({ value: string }, not empty)');
  }
  return id.value;
}
