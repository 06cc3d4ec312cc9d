import { InvalidArgumentError, MesosNapiError } from '../errors';
import type { State } from '../state/state';
import type { Variable } from '../state/variable';
import { ServiceStateConflictError } from './errors';
import type { InstanceRecord } from './model/instance';
import { instanceNumber } from './model/pods';
import type { ServiceSnapshot } from './model/snapshot';

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** The service's record without its instances, and how often it was written. */
type MainRecord = Omit<ServiceSnapshot, 'instances'> & { writes: number };

/**
 * A service's snapshot in a State, as JSON: the definitions and deployment in one variable
 * (`service.<name>`), each instance in one of its own (`service.<name>.instance.<id>`), so
 * that a change writes what changed (the record's size grows with the instance count, a
 * ZooKeeper node holds 1 MB). Names are valid znode names.
 *
 * Every save writes the main variable first, as a versioned store over the last one: if
 * anybody else stored it in between (another scheduler took over), the save fails with
 * ServiceStateConflictError before writing anything else.
 */
export class ServiceStore {
  private readonly main: string;
  private readonly variables = new Map<string, Variable>();
  private readonly written = new Map<string, string>();
  private writes = 0;

  constructor(
    private readonly state: State,
    service: string,
  ) {
    if (typeof state !== 'object' || state === null || typeof state.fetch !== 'function') {
      throw new InvalidArgumentError('options.state', 'expected a State');
    }
    this.main = `service.${service}`;
  }

  private instanceName(id: string): string {
    return `${this.main}.instance.${id}`;
  }

  /** The stored snapshot, or undefined when none is. */
  async load(): Promise<ServiceSnapshot | undefined> {
    this.variables.clear();
    this.written.clear();
    const main = await this.read(this.main);
    if (main === undefined) return undefined;
    const { writes, ...record } = JSON.parse(main) as MainRecord;
    if (record.format !== 1) {
      throw new MesosNapiError(`${this.main}: unknown format ${String(record.format)}`);
    }
    this.writes = writes;
    const prefix = this.instanceName('');
    const instances: InstanceRecord[] = [];
    for (const name of await this.state.names()) {
      if (!name.startsWith(prefix)) continue;
      const text = await this.read(name);
      if (text !== undefined) instances.push(JSON.parse(text) as InstanceRecord);
    }
    const order = record.definition.pods.map((p) => p.name);
    instances.sort(
      (a, b) =>
        order.indexOf(a.pod) - order.indexOf(b.pod) ||
        a.pod.localeCompare(b.pod) ||
        instanceNumber(a) - instanceNumber(b),
    );
    return { ...record, instances };
  }

  /** Stores what changed since the last load or save. */
  async save(snapshot: ServiceSnapshot): Promise<void> {
    const { instances, ...record } = snapshot;
    this.writes++;
    await this.put(this.main, JSON.stringify({ ...record, writes: this.writes }));
    const wanted = new Map(instances.map((i) => [this.instanceName(i.id), JSON.stringify(i)]));
    for (const [name, json] of wanted) {
      if (this.written.get(name) !== json) await this.put(name, json);
    }
    for (const name of [...this.written.keys()]) {
      if (name !== this.main && !wanted.has(name)) await this.remove(name);
    }
  }

  private async read(name: string): Promise<string | undefined> {
    const variable = await this.state.fetch(name);
    this.variables.set(name, variable);
    const text = decoder.decode(variable.value);
    if (text === '') return undefined;
    this.written.set(name, text);
    return text;
  }

  private async put(name: string, json: string): Promise<void> {
    const variable = this.variables.get(name) ?? (await this.state.fetch(name));
    const stored = await this.state.store(variable.mutate(encoder.encode(json)));
    if (stored === null) this.conflict(name);
    this.variables.set(name, stored);
    this.written.set(name, json);
  }

  private async remove(name: string): Promise<void> {
    const variable = this.variables.get(name) ?? (await this.state.fetch(name));
    if (!(await this.state.expunge(variable))) this.conflict(name);
    this.variables.delete(name);
    this.written.delete(name);
  }

  private conflict(name: string): never {
    this.variables.clear();
    this.written.clear();
    throw new ServiceStateConflictError(
      `${name} was changed by another scheduler since this one read it; this one stops acting`,
    );
  }
}
