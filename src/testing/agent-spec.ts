import { InvalidArgumentError } from '../errors';
import { ranges, scalar, set, type ResourceLike } from '../helpers';
import type { Attribute } from '../messages/types.generated';
import { merged } from '../helpers/resources';
import { checkResources } from '../helpers/amounts';

/** An agent of the simulated cluster. */
export interface AgentSpec {
  /** Default: agent-1, agent-2, … in the order added. */
  hostname?: string;
  /**
   * What the agent offers, as Mesos's `--resources` flag writes it
   * (`cpus:4;mem:4096;disk:10000;ports:[31000-32000];cpus(web):2`: a role in parentheses
   * reserves the amount for that role), or as resources. Default
   * `cpus:4;mem:4096;disk:10000;ports:[31000-32000]`.
   */
  resources?: string | ResourceLike[];
  /** Attributes, as `--attributes` gives them: text, or a number (a scalar). */
  attributes?: Record<string, string | number>;
}

export const DEFAULT_AGENT_RESOURCES = 'cpus:4;mem:4096;disk:10000;ports:[31000-32000]';

const ENTRY = /^([A-Za-z0-9_.-]+)(?:\(([^)]*)\))?:(.+)$/;

/** Parses a Mesos `--resources` string into resources (reservations for roles other than *). */
export function parseResources(text: string, where: string): ResourceLike[] {
  const out: ResourceLike[] = [];
  for (const part of text
    .split(';')
    .map((p) => p.trim())
    .filter(Boolean)) {
    const match = ENTRY.exec(part);
    if (!match) throw new InvalidArgumentError(where, `'${part}' is not name(role):value`);
    const [, name, role, value] = match;
    const options =
      role && role !== '*' ? { reservations: [{ type: 'STATIC' as const, role }] } : {};
    if (value.startsWith('[')) {
      const spans = value
        .replace(/^\[|\]$/g, '')
        .split(',')
        .map((span) => span.trim().split('-').map(Number) as [number, number]);
      if (spans.some(([b, e]) => !Number.isInteger(b) || !Number.isInteger(e) || b > e)) {
        throw new InvalidArgumentError(where, `'${part}' has a bad range`);
      }
      out.push(ranges(name, spans, options));
    } else if (value.startsWith('{')) {
      out.push(
        set(
          name,
          value
            .replace(/^\{|\}$/g, '')
            .split(',')
            .map((s) => s.trim()),
          options,
        ),
      );
    } else {
      const amount = Number(value);
      if (!Number.isFinite(amount) || amount < 0) {
        throw new InvalidArgumentError(where, `'${part}' has a bad amount`);
      }
      out.push(scalar(name, amount, options));
    }
  }
  return merged(out);
}

/** Resources given as such: checked as the helpers check them, each named by its path. */
export function checkedResources(resources: unknown, where: string): ResourceLike[] {
  checkResources(resources, where);
  (resources as ResourceLike[]).forEach((resource, i) => {
    if (typeof resource.name !== 'string' || resource.name === '') {
      throw new InvalidArgumentError(`${where}[${i}].name`, 'expected a resource name');
    }
  });
  return resources as ResourceLike[];
}

export function attributesOf(spec: AgentSpec['attributes']): Attribute[] {
  return Object.entries(spec ?? {}).map(([name, value]) =>
    typeof value === 'number'
      ? { name, type: 'SCALAR', scalar: { value } }
      : { name, type: 'TEXT', text: { value } },
  );
}
