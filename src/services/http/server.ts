import * as fs from 'fs';
import * as http from 'http';
import type { AddressInfo } from 'net';
import * as os from 'os';
import * as path from 'path';
import { InvalidArgumentError } from '../../errors';
import { ServiceActionRefusedError, ServiceNotFoundError } from '../errors';
import { authorized, challenges } from './auth';
import { roleOf, type ElectionView, type Role } from './leader';
import { checkHttpOptions, type CheckedHttpOptions, type ServiceHttpOptions } from './options';
import { HttpError, sendError, sendJson, sendText } from './reply';
import { checkedPods, ROUTES, type RouteContext, type ServiceApi } from './routes';
import { EventStreams } from './sse';
import { overview } from './views';

/** How often open streams are sent the status when it changed without an event (ms). */
const REFRESH_MS = 2000;

/**
 * A ServiceScheduler's HTTP API and page (node:http, nothing else): JSON at /v1/…,
 * server-sent events at /v1/stream, the page at /, Prometheus text at /metrics. Made by
 * the scheduler's `http` option; see docs/services.md for every endpoint.
 */
export class ServiceHttpServer {
  private readonly options: CheckedHttpOptions;
  private readonly server: http.Server;
  private readonly streams = new EventStreams();
  private readonly started: Promise<void>;
  private readonly refreshTimer: NodeJS.Timeout;
  private election: ElectionView | undefined;
  private lastSent = '';
  private refreshQueued = false;
  private html: string | undefined;
  private closing: Promise<void> | undefined;

  /** @internal */
  constructor(
    private readonly service: ServiceApi,
    options: ServiceHttpOptions,
  ) {
    this.options = checkHttpOptions(options);
    this.server = http.createServer((request, response) => void this.handle(request, response));
    this.server.requestTimeout = 30000;
    this.server.headersTimeout = 10000;
    this.started = new Promise((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(this.options.port, this.options.host, () => {
        this.server.off('error', reject);
        resolve();
      });
    });
    // Reported by listening() (and the scheduler's ready()).
    this.started.catch(() => undefined);
    service.on('event', (event) => {
      this.streams.send('event', event);
      this.queueRefresh();
    });
    this.refreshTimer = setInterval(() => this.refresh(), REFRESH_MS).unref();
  }

  /** Resolves once the server listens; rejects if it cannot (e.g. EADDRINUSE). */
  listening(): Promise<void> {
    return this.started;
  }

  /** The address it listens on, once it does. */
  get address(): AddressInfo | undefined {
    const address = this.server.address();
    return address !== null && typeof address === 'object' ? address : undefined;
  }

  /**
   * `http://host:port/` once it listens (the machine's hostname when it listens on every
   * address, 0.0.0.0 or ::).
   */
  get url(): string | undefined {
    const address = this.address;
    if (!address) return undefined;
    let host = this.options.host;
    if (host === '0.0.0.0' || host === '::') host = os.hostname();
    else if (host.includes(':')) host = `[${host}]`;
    return `http://${host}:${address.port}/`;
  }

  /**
   * Under HighlyAvailableScheduler: give it `ha.election`. Then only the leader serves the
   * API and actions; a standby answers 503 with where the leader is (its `info`: contend
   * with `info: service.webuiUrl` to name its page). The page and /health are served by all.
   */
  followElection(election: ElectionView): void {
    if (typeof election !== 'object' || election === null || !('leadership' in election)) {
      throw new InvalidArgumentError('election', 'expected a LeaderElection (ha.election)');
    }
    this.election = election;
  }

  /** Open event streams (/v1/stream). */
  get streamCount(): number {
    return this.streams.size;
  }

  /** Stops listening and ends every connection; resolves once closed. */
  close(): Promise<void> {
    this.closing ??= new Promise((resolve) => {
      clearInterval(this.refreshTimer);
      this.streams.close();
      if (!this.server.listening) return resolve();
      this.server.close(() => resolve());
      this.server.closeAllConnections();
    });
    return this.closing;
  }

  private role(): Role {
    return roleOf(this.election);
  }

  private queueRefresh(): void {
    if (this.refreshQueued) return;
    this.refreshQueued = true;
    setImmediate(() => {
      this.refreshQueued = false;
      this.refresh();
    });
  }

  /** Sends the status to the open streams, if it changed. */
  private refresh(): void {
    if (this.streams.size === 0) return;
    const text = JSON.stringify(this.overview());
    if (text === this.lastSent) return;
    this.lastSent = text;
    this.streams.send('status', JSON.parse(text));
  }

  private overview(): object {
    const role = this.role();
    // A standby's record is as it was when it started: it shows only where the leader is.
    if (role.role === 'standby') return role;
    return { ...overview(this.service.status(), checkedPods(this.service)), ...role };
  }

  private page(): string {
    this.html ??= fs.readFileSync(path.join(__dirname, 'page', 'index.html'), 'utf8');
    return this.html;
  }

  private async handle(request: http.IncomingMessage, response: http.ServerResponse) {
    try {
      const answer = await this.route(request, response);
      if (answer === undefined) return;
      const status = answer.status ?? 200;
      if ('json' in answer) sendJson(response, status, answer.json);
      else sendText(response, status, answer.text, answer.contentType);
    } catch (error) {
      if (response.headersSent) {
        response.destroy();
        return;
      }
      sendError(response, httpError(error));
    }
  }

  private async route(request: http.IncomingMessage, response: http.ServerResponse) {
    const url = new URL(request.url ?? '/', 'http://localhost');
    const route = ROUTES.find((r) => r.path.test(url.pathname));
    if (!route) throw new HttpError(404, 'NOT_FOUND', `no such path: ${url.pathname}`);
    const method = request.method === 'HEAD' ? 'GET' : (request.method ?? '');
    const handler = method === 'GET' || method === 'POST' ? route[method] : undefined;
    if (!handler) {
      const allow = [...(route.GET ? ['GET', 'HEAD'] : []), ...(route.POST ? ['POST'] : [])];
      throw new HttpError(
        405,
        'METHOD_NOT_ALLOWED',
        `${request.method} ${url.pathname}: allowed ${allow.join(', ')}`,
        undefined,
        { Allow: allow.join(', ') },
      );
    }
    for (const key of url.searchParams.keys()) {
      if (!(route.query ?? []).includes(key)) {
        throw new HttpError(400, 'INVALID_ARGUMENT', `unknown query parameter '${key}'`, key);
      }
    }
    checkOrigin(request);
    const role = this.role();
    if (role.role === 'standby' && !route.standby) {
      throw new HttpError(
        503,
        'NOT_LEADER',
        role.leader !== null
          ? `this scheduler stands by; the leader is ${role.leader}`
          : 'this scheduler stands by; no leader is known',
        undefined,
        { 'Retry-After': '2' },
        { leader: role.leader, leaderUrl: role.leaderUrl },
      );
    }
    if (method === 'POST' && !authorized(request, this.options)) {
      throw new HttpError(401, 'UNAUTHORIZED', 'this action needs authentication', undefined, {
        'WWW-Authenticate': challenges(this.options),
      });
    }
    let params: string[];
    try {
      params = (route.path.exec(url.pathname) ?? []).slice(1).map(decodeURIComponent);
    } catch {
      throw new HttpError(
        400,
        'INVALID_ARGUMENT',
        `the path is not valid: ${url.pathname}`,
        'path',
      );
    }
    const context: RouteContext = {
      request,
      response,
      params,
      query: url.searchParams,
      service: this.service,
      options: this.options,
      role,
      page: () => this.page(),
      overview: () => this.overview(),
      stream: () => this.streams.open(request, response, [['status', this.overview()]]),
    };
    return handler(context);
  }
}

/**
 * Requests from a page of another site (its Origin names another host than the request's
 * Host) are refused: with actions requiring JSON, a browser would not send them anyway, but
 * reads are refused too (DNS rebinding).
 */
function checkOrigin(request: http.IncomingMessage): void {
  const origin = request.headers.origin;
  if (origin === undefined || origin === 'null') return;
  let host: string;
  try {
    host = new URL(origin).host;
  } catch {
    throw new HttpError(403, 'FORBIDDEN', `bad Origin '${origin}'`, 'origin');
  }
  if (host !== request.headers.host) {
    throw new HttpError(403, 'FORBIDDEN', `requests from ${origin} are not served`, 'origin');
  }
}

function httpError(error: unknown): HttpError {
  if (error instanceof HttpError) return error;
  if (error instanceof InvalidArgumentError) {
    return new HttpError(400, 'INVALID_ARGUMENT', error.message, error.argument);
  }
  if (error instanceof ServiceNotFoundError) {
    return new HttpError(404, 'NOT_FOUND', error.message, error.argument);
  }
  if (error instanceof ServiceActionRefusedError) {
    return new HttpError(409, 'CONFLICT', error.message);
  }
  // The scheduler stopped acting (a State conflict, the master's error).
  const message = error instanceof Error ? error.message : String(error);
  return new HttpError(503, 'SERVICE_UNAVAILABLE', message);
}
