import { InvalidArgumentError, MesosNapiError } from '../errors';
import type { State } from '../state/state';
import type { Variable } from '../state/variable';
import { ServiceStateConflictError } from './errors';
import type { ServiceSnapshot } from './model/snapshot';

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/**
 * A service's snapshot in a State, as JSON in one variable (`service/<name>`). Every save
 * is a versioned store over the last one: if anybody else stored it in between, the save
 * fails with ServiceStateConflictError instead of overwriting.
 */
export class ServiceStore {
  private variable: Variable | undefined;
  private readonly name: string;

  constructor(
    private readonly state: State,
    service: string,
  ) {
    if (typeof state !== 'object' || state === null || typeof state.fetch !== 'function') {
      throw new InvalidArgumentError('options.state', 'expected a State');
    }
    this.name = `service/${service}`;
  }

  /** The stored snapshot, or undefined when none is. */
  async load(): Promise<ServiceSnapshot | undefined> {
    this.variable = await this.state.fetch(this.name);
    const text = decoder.decode(this.variable.value);
    if (text === '') return undefined;
    const snapshot = JSON.parse(text) as ServiceSnapshot;
    if (snapshot.format !== 1) {
      throw new MesosNapiError(`${this.name}: unknown format ${String(snapshot.format)}`);
    }
    return snapshot;
  }

  async save(snapshot: ServiceSnapshot): Promise<void> {
    const variable = this.variable ?? (await this.state.fetch(this.name));
    const stored = await this.state.store(
      variable.mutate(encoder.encode(JSON.stringify(snapshot))),
    );
    if (stored === null) {
      this.variable = undefined;
      throw new ServiceStateConflictError(
        `${this.name} was changed by another scheduler since this one read it; this one stops acting`,
      );
    }
    this.variable = stored;
  }
}
