import type { IncomingMessage, ServerResponse } from 'http';
import type { ServiceDefinition } from '../definition/types';
import type { ServiceEvent } from '../events';
import type { DeploymentRecord } from '../model/snapshot';
import type { ServiceStatus } from '../status';
import { onlyFields, readJsonBody } from './body';
import type { Role } from './leader';
import type { CheckedHttpOptions } from './options';
import { HttpError } from './reply';
import { allInstances, deploymentView, instanceView, podsView } from './views';

/** What the routes use of a ServiceScheduler. */
export interface ServiceApi {
  status(): ServiceStatus;
  definition(): { version: number; definition: ServiceDefinition } | undefined;
  scale(pod: string, instances: number): Promise<DeploymentRecord | undefined>;
  restart(instanceId: string): Promise<void>;
  pauseDeployment(): Promise<DeploymentRecord>;
  resumeDeployment(): Promise<DeploymentRecord>;
  on(name: 'event', listener: (event: ServiceEvent) => void): unknown;
}

export interface RouteContext {
  request: IncomingMessage;
  response: ServerResponse;
  /** The path's parameters, decoded. */
  params: string[];
  query: URLSearchParams;
  service: ServiceApi;
  options: CheckedHttpOptions;
  role: Role;
  /** The page's HTML. */
  page(): string;
  /** Opens an event stream on the response. */
  stream(): void;
  /** Everything the page shows (on a standby: only where the leader is). */
  overview(): unknown;
}

/** A handler's answer: JSON, or text, or nothing (it answered itself). */
export type Answer =
  | { status?: number; json: unknown }
  | { status?: number; text: string; contentType: string }
  | undefined;

type Handler = (context: RouteContext) => Answer | Promise<Answer>;

export interface Route {
  path: RegExp;
  /** Query parameters it takes (others: 400). */
  query?: string[];
  GET?: Handler;
  POST?: Handler;
  /** Served by a standby too (the rest answer 503 there). */
  standby?: boolean;
}

/** Largest instance count a scale action takes. */
export const MAX_INSTANCES = 10000;

export const checkedPods = (service: ServiceApi): Set<string> =>
  new Set(
    (service.definition()?.definition.pods ?? [])
      .filter((p) => p.healthCheck !== undefined)
      .map((p) => p.name),
  );

const emptyBody = async ({ request, options }: RouteContext): Promise<void> => {
  onlyFields(await readJsonBody(request, options.maxBodyBytes), []);
};

export const ROUTES: Route[] = [
  {
    path: /^\/$/,
    standby: true,
    GET: ({ page }) => ({ text: page(), contentType: 'text/html; charset=utf-8' }),
  },
  {
    path: /^\/health$/,
    standby: true,
    GET: ({ service, role }) => {
      const status = service.status();
      const failed = status.failure !== undefined;
      return {
        status: failed ? 503 : 200,
        json: {
          status: failed ? 'failed' : 'ok',
          registered: status.registered,
          ...role,
          ...(failed ? { failure: status.failure } : {}),
        },
      };
    },
  },
  {
    path: /^\/v1\/definition$/,
    GET: ({ service }) => ({ json: service.definition() ?? null }),
  },
  {
    path: /^\/v1\/status$/,
    standby: true,
    GET: ({ overview }) => ({ json: overview() }),
  },
  { path: /^\/v1\/pods$/, GET: ({ service }) => ({ json: podsView(service.status()) }) },
  {
    path: /^\/v1\/pods\/([^/]+)\/scale$/,
    POST: async ({ request, options, params, service }) => {
      const body = await readJsonBody(request, options.maxBodyBytes);
      onlyFields(body, ['instances']);
      const instances = body.instances;
      if (instances === undefined) {
        throw new HttpError(400, 'INVALID_ARGUMENT', 'instances: required', 'instances');
      }
      if (
        typeof instances !== 'number' ||
        !Number.isInteger(instances) ||
        instances < 0 ||
        instances > MAX_INSTANCES
      ) {
        throw new HttpError(
          400,
          'INVALID_ARGUMENT',
          `instances: expected a whole number 0-${MAX_INSTANCES}, got ${JSON.stringify(instances)}`,
          'instances',
        );
      }
      const deployment = await service.scale(params[0], instances);
      return {
        status: 202,
        json: { pod: params[0], instances, deployment: deployment ?? null },
      };
    },
  },
  {
    path: /^\/v1\/instances$/,
    GET: ({ service }) => ({ json: allInstances(service.status()).map(instanceView) }),
  },
  {
    path: /^\/v1\/instances\/([^/]+)$/,
    GET: ({ service, params }) => {
      const found = allInstances(service.status()).find((i) => i.id === params[0]);
      if (!found) {
        throw new HttpError(404, 'NOT_FOUND', `no instance '${params[0]}'`, 'instance');
      }
      return { json: { ...instanceView(found), history: found.history } };
    },
  },
  {
    path: /^\/v1\/instances\/([^/]+)\/restart$/,
    POST: async (context) => {
      await emptyBody(context);
      await context.service.restart(context.params[0]);
      return { status: 202, json: { instance: context.params[0], restarting: true } };
    },
  },
  {
    path: /^\/v1\/deployment$/,
    GET: ({ service }) => ({ json: deploymentView(service.status(), checkedPods(service)) }),
  },
  {
    path: /^\/v1\/deployment\/(pause|resume)$/,
    POST: async (context) => {
      await emptyBody(context);
      const { service, params } = context;
      await (params[0] === 'pause' ? service.pauseDeployment() : service.resumeDeployment());
      return { json: deploymentView(service.status(), checkedPods(service)) };
    },
  },
  {
    path: /^\/v1\/events$/,
    query: ['limit'],
    GET: ({ service, query }) => {
      const events = service.status().events;
      const raw = query.get('limit');
      if (raw === null) return { json: events };
      const limit = Number(raw);
      if (!/^\d+$/.test(raw) || limit < 1) {
        throw new HttpError(
          400,
          'INVALID_ARGUMENT',
          `limit: expected a whole number > 0, got '${raw}'`,
          'limit',
        );
      }
      return { json: events.slice(-limit) };
    },
  },
  {
    path: /^\/v1\/stream$/,
    standby: true,
    GET: ({ stream }) => {
      stream();
      return undefined;
    },
  },
  {
    path: /^\/metrics$/,
    GET: async ({ options }) => {
      const metrics = options.metrics;
      if (!metrics) {
        throw new HttpError(
          404,
          'NO_METRICS',
          'no metrics: give the service http.metrics (a prom-client Registry, e.g. with registerPrometheusMetrics(driver, …))',
        );
      }
      return { text: await metrics.metrics(), contentType: metrics.contentType };
    },
  },
];
