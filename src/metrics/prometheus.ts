import { InvalidArgumentError } from '../errors';
import type { MetricsSnapshot } from './snapshot';

/** What has metrics(): the scheduler and executor drivers, V1Mesos, V0Mesos. */
export interface MetricsProvider {
  /** What the object did since it was constructed. */
  metrics(): MetricsSnapshot;
}

/** The part of a prom-client Registry the adapter uses. */
export interface PrometheusRegistry {
  /** Adds a collector (prom-client's `Registry.registerMetric`). */
  registerMetric(metric: never): void;
  /** The collector registered under `name`, if any. */
  getSingleMetric(name: string): unknown;
}

/** How the prom-client adapter labels, names and registers the driver metrics. */
export interface PrometheusOptions {
  /** The `framework` label of every sample (e.g. the FrameworkInfo's name). */
  framework: string;
  /** Where to register (default: prom-client's global `register`). */
  registry?: PrometheusRegistry;
  /** Prefix of the metric names (default 'mesos_napi_'). */
  prefix?: string;
}

type Labels = Record<string, string | number>;
interface Sample {
  value: number;
  labels: Labels;
  metricName?: string;
}

// prom-client's collector interface: get() is called at each scrape.
interface Family {
  name: string;
  help: string;
  type: 'counter' | 'gauge' | 'histogram';
  aggregator: 'sum' | 'max';
  get(): { name: string; help: string; type: string; aggregator: string; values: Sample[] };
  sources: Map<MetricsProvider, string>;
}

type Read = (m: MetricsSnapshot, name: string, labels: Labels) => Sample[];

const perEntry =
  (pick: (m: MetricsSnapshot) => Record<string, number>, label: string): Read =>
  (m, _name, labels) =>
    Object.entries(pick(m)).map(([key, value]) => ({ value, labels: { ...labels, [label]: key } }));

const one =
  (pick: (m: MetricsSnapshot) => number): Read =>
  (m, _name, labels) => [{ value: pick(m), labels }];

const FAMILIES: readonly {
  suffix: string;
  help: string;
  type: Family['type'];
  aggregator: Family['aggregator'];
  read: Read;
}[] = [
  {
    suffix: 'events_total',
    help: 'Events passed to the handler, by type',
    type: 'counter',
    aggregator: 'sum',
    read: perEntry((m) => m.events, 'type'),
  },
  {
    suffix: 'calls_total',
    help: 'Calls made, by type and by the status they returned',
    type: 'counter',
    aggregator: 'sum',
    read: (m, _name, labels) =>
      Object.entries(m.calls).flatMap(([type, byStatus]) =>
        Object.entries(byStatus).map(([status, value]) => ({
          value,
          labels: { ...labels, type, status },
        })),
      ),
  },
  {
    suffix: 'handler_seconds',
    help: 'Time handlers took (to return, or to settle the promise they returned)',
    type: 'histogram',
    aggregator: 'sum',
    read: (m, name, labels) => [
      ...m.handlerSeconds.buckets.map((bucket) => ({
        metricName: `${name}_bucket`,
        value: bucket.count,
        labels: { ...labels, le: bucket.le === Infinity ? '+Inf' : bucket.le },
      })),
      { metricName: `${name}_sum`, value: m.handlerSeconds.sum, labels },
      { metricName: `${name}_count`, value: m.handlerSeconds.count, labels },
    ],
  },
  {
    suffix: 'queued_events',
    help: 'Events waiting for their handler now',
    type: 'gauge',
    aggregator: 'sum',
    read: one((m) => m.queued.now),
  },
  {
    suffix: 'queued_events_max',
    help: 'The most events that waited for their handler at once',
    type: 'gauge',
    aggregator: 'max',
    read: one((m) => m.queued.max),
  },
  {
    suffix: 'libmesos_waits_total',
    help: "Events libmesos's thread waited for (implicitly acknowledged updates, shutdown)",
    type: 'counter',
    aggregator: 'sum',
    read: one((m) => m.libmesosWait.count),
  },
  {
    suffix: 'libmesos_wait_seconds_total',
    help: "Time libmesos's thread waited for those handlers",
    type: 'counter',
    aggregator: 'sum',
    read: one((m) => m.libmesosWait.seconds),
  },
  {
    suffix: 'updates_total',
    help: 'Status updates by task state (received by schedulers, sent by executors)',
    type: 'counter',
    aggregator: 'sum',
    read: perEntry((m) => m.updates, 'state'),
  },
  {
    suffix: 'offers_total',
    help: 'Offers received, rescinded, declined and used',
    type: 'counter',
    aggregator: 'sum',
    read: perEntry((m) => m.offers, 'outcome'),
  },
  {
    suffix: 'state',
    help: "The driver's state: 1 for the current one",
    type: 'gauge',
    aggregator: 'max',
    read: (m, _name, labels) => [{ value: 1, labels: { ...labels, state: m.state } }],
  },
];

/**
 * Registers the metrics of `provider` with a prom-client registry (prom-client is an
 * optional peer dependency), each sample labelled with `framework` and the provider's
 * `source`. Read at each scrape. Several providers may share a registry; returns a function
 * that stops reporting this one.
 */
export function registerPrometheusMetrics(
  provider: MetricsProvider,
  options: PrometheusOptions,
): () => void {
  if (typeof provider?.metrics !== 'function') {
    throw new InvalidArgumentError('provider', 'must have metrics() (a driver or a v1 Mesos)');
  }
  if (typeof options?.framework !== 'string' || options.framework === '') {
    throw new InvalidArgumentError('options.framework', 'must be a non-empty string');
  }
  const registry = options.registry ?? defaultRegistry();
  const prefix = options.prefix ?? 'mesos_napi_';
  const families = FAMILIES.map((spec) => {
    const name = `${prefix}${spec.suffix}`;
    const existing = registry.getSingleMetric(name) as Family | undefined;
    if (existing && !(existing.sources instanceof Map)) {
      throw new InvalidArgumentError(
        'options.registry',
        `already has a metric named ${name} that is not mesos-napi's (use another prefix)`,
      );
    }
    if (existing) return existing;
    const family: Family = {
      name,
      help: spec.help,
      type: spec.type,
      aggregator: spec.aggregator,
      sources: new Map(),
      get() {
        const values: Sample[] = [];
        for (const [source, framework] of family.sources) {
          const snapshot = source.metrics();
          values.push(...spec.read(snapshot, name, { framework, source: snapshot.source }));
        }
        return { name, help: spec.help, type: spec.type, aggregator: spec.aggregator, values };
      },
    };
    registry.registerMetric(family as never);
    return family;
  });
  for (const family of families) family.sources.set(provider, options.framework);
  return () => {
    for (const family of families) family.sources.delete(provider);
  };
}

function defaultRegistry(): PrometheusRegistry {
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return (require('prom-client') as { register: PrometheusRegistry }).register;
  } catch (cause) {
    throw new InvalidArgumentError(
      'options.registry',
      'not given, and prom-client cannot be loaded (npm install prom-client)',
      { cause },
    );
  }
}
