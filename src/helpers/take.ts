import { InvalidArgumentError } from '../errors';
import { toFixed, toFloating } from './fixed-point';
import { difference, size, takeFirst, union, type Span } from './ranges';
import { checkNeeds, checkResources } from './amounts';
import { merged, spansOf, subtract, withSpans } from './resources';
import { roleOf, withoutAmount, type ResourceLike } from './resource-kind';

/** What a task needs from an offer, for takeResources(). */
export interface ResourceNeeds {
  /** CPUs (a scalar, counted in thousandths as Mesos does). */
  cpus?: number;
  /** Memory in MB. */
  mem?: number;
  /** Disk in MB. */
  disk?: number;
  /** GPUs (a whole number). */
  gpus?: number;
  /** How many ports, taken from the lowest of the offer's port ranges. */
  ports?: number;
  /** Only resources allocated to (or reserved for) this role; default: any. */
  role?: string;
}

/** What takeResources() took from an offer, and what is left. */
export interface Taken {
  /** What to put in the task's resources: a subset of the offer's, same kinds. */
  taken: ResourceLike[];
  /** What is left of the offer. */
  remaining: ResourceLike[];
  /** The ports taken, in order. */
  ports: number[];
}

/**
 * Takes what a task needs out of an offer's resources, or undefined when they do not hold
 * enough. Scalars may come from several resources of one name (e.g. reserved and
 * unreserved); the result never holds more than the offer did, and no port twice.
 */
export function takeResources(resources: ResourceLike[], needs: ResourceNeeds): Taken | undefined {
  checkResources(resources, 'resources');
  checkNeeds(needs);
  const offer = merged(resources);
  const usable = offer.filter((r) => needs.role === undefined || roleOf(r) === needs.role);
  const taken: ResourceLike[] = [];
  for (const name of ['cpus', 'mem', 'disk', 'gpus'] as const) {
    if (!takeScalar(usable, name, toFixed(needs[name] ?? 0), taken)) return undefined;
  }
  const ports = takePorts(usable, BigInt(needs.ports ?? 0), taken);
  if (!ports) return undefined;
  return { taken, remaining: subtract(offer, taken), ports };
}

/** Takes `fixed` thousandths of a scalar into `taken`; false when there are not enough. */
function takeScalar(
  usable: ResourceLike[],
  name: string,
  fixed: number,
  taken: ResourceLike[],
): boolean {
  let left = fixed;
  for (const resource of usable) {
    if (left <= 0) break;
    if (resource.name !== name || resource.type !== 'SCALAR') continue;
    const amount = Math.min(left, toFixed(resource.scalar?.value ?? 0));
    if (amount <= 0) continue;
    taken.push({ ...withoutAmount(resource), scalar: { value: toFloating(amount) } });
    left -= amount;
  }
  return left <= 0;
}

/** Takes `count` distinct ports, lowest first, into `taken`; undefined when there are not enough. */
function takePorts(
  usable: ResourceLike[],
  count: bigint,
  taken: ResourceLike[],
): number[] | undefined {
  let chosen: Span[] = [];
  const listed: number[] = [];
  for (const resource of usable) {
    const left = count - size(chosen);
    if (left <= 0n) break;
    if (resource.name !== 'ports' || resource.type !== 'RANGES') continue;
    const spans = takeFirst(difference(spansOf(resource), chosen), left);
    if (spans.length === 0) continue;
    chosen = union(chosen, spans);
    taken.push(withSpans(resource, spans));
    for (const [begin, end] of spans) for (let p = begin; p <= end; p++) listed.push(asNumber(p));
  }
  return size(chosen) < count ? undefined : listed;
}

function asNumber(port: bigint): number {
  if (port > BigInt(Number.MAX_SAFE_INTEGER)) {
    throw new InvalidArgumentError(
      'resources',
      `port ${port} is above 2^53 - 1, so Taken.ports cannot list it as a number`,
    );
  }
  return Number(port);
}
