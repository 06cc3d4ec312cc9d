import { InvalidArgumentError } from '../../errors';

/** What /metrics serves: a prom-client Registry (e.g. with registerPrometheusMetrics's driver). */
export interface MetricsRegistry {
  /** The registry's samples as Prometheus text. */
  metrics(): Promise<string> | string;
  /** The text's content type. */
  readonly contentType: string;
}

/** The `http` option of ServiceScheduler: its HTTP API and page. */
export interface ServiceHttpOptions {
  /** The port to listen on (0: any free port; `webuiUrl` says which). */
  port: number;
  /** The address to listen on (default 127.0.0.1: this machine only). */
  host?: string;
  /** Actions (POST) need `Authorization: Bearer <token>`. */
  token?: string;
  /** Actions (POST) need HTTP basic authentication with this user and password. */
  basicAuth?: { user: string; password: string };
  /** The largest request body accepted, in bytes (default 16384); larger: 413. */
  maxBodyBytes?: number;
  /** Served at /metrics as Prometheus text (without it, /metrics answers 404). */
  metrics?: MetricsRegistry;
}

/** The options checked, defaults filled in. */
export interface CheckedHttpOptions {
  port: number;
  host: string;
  token?: string;
  basicAuth?: { user: string; password: string };
  maxBodyBytes: number;
  metrics?: MetricsRegistry;
}

const nonEmpty = (value: unknown, where: string): string => {
  if (typeof value !== 'string' || value === '') {
    throw new InvalidArgumentError(where, 'expected a non-empty string');
  }
  return value;
};

export function checkHttpOptions(options: ServiceHttpOptions): CheckedHttpOptions {
  if (typeof options !== 'object' || options === null) {
    throw new InvalidArgumentError('options.http', 'expected an object');
  }
  const { port, host = '127.0.0.1', token, basicAuth, maxBodyBytes = 16384, metrics } = options;
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new InvalidArgumentError(
      'options.http.port',
      `expected a port number 0-65535, got ${String(port)}`,
    );
  }
  nonEmpty(host, 'options.http.host');
  if (token !== undefined) nonEmpty(token, 'options.http.token');
  if (basicAuth !== undefined) {
    if (typeof basicAuth !== 'object' || basicAuth === null) {
      throw new InvalidArgumentError('options.http.basicAuth', 'expected { user, password }');
    }
    const user = nonEmpty(basicAuth.user, 'options.http.basicAuth.user');
    if (user.includes(':')) {
      throw new InvalidArgumentError('options.http.basicAuth.user', "a user name has no ':'");
    }
    nonEmpty(basicAuth.password, 'options.http.basicAuth.password');
  }
  if (!Number.isInteger(maxBodyBytes) || maxBodyBytes < 1) {
    throw new InvalidArgumentError('options.http.maxBodyBytes', 'expected a whole number > 0');
  }
  if (
    metrics !== undefined &&
    (typeof metrics?.metrics !== 'function' || typeof metrics.contentType !== 'string')
  ) {
    throw new InvalidArgumentError(
      'options.http.metrics',
      'expected a prom-client Registry (metrics() and contentType)',
    );
  }
  return {
    port,
    host,
    maxBodyBytes,
    ...(token !== undefined ? { token } : {}),
    ...(basicAuth !== undefined ? { basicAuth } : {}),
    ...(metrics !== undefined ? { metrics } : {}),
  };
}
