import type { IncomingMessage, ServerResponse } from 'http';

/** Seconds between comments that keep idle streams (and the proxies on their way) open. */
const HEARTBEAT_MS = 15000;

/**
 * Server-sent events to every open /v1/stream: `event: <name>` with JSON data. A stream
 * that cannot keep up (its socket's buffer above 1 MB) is closed; the browser reconnects
 * and starts from a fresh status.
 */
export class EventStreams {
  private readonly clients = new Set<ServerResponse>();
  private readonly heartbeat: NodeJS.Timeout;

  constructor() {
    this.heartbeat = setInterval(() => {
      for (const client of this.clients) client.write(': heartbeat\n\n');
    }, HEARTBEAT_MS).unref();
  }

  /** Opens a stream; `first` are its first events (the status as it is now). */
  open(request: IncomingMessage, response: ServerResponse, first: [string, unknown][]): void {
    response.writeHead(200, {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
      Connection: 'keep-alive',
    });
    // Reconnect after 2 s (the browser's EventSource default is about 3).
    response.write('retry: 2000\n\n');
    this.clients.add(response);
    const forget = () => this.clients.delete(response);
    request.on('close', forget);
    response.on('close', forget);
    for (const [name, data] of first) this.write(response, name, data);
  }

  /** Open streams. */
  get size(): number {
    return this.clients.size;
  }

  send(name: string, data: unknown): void {
    for (const client of this.clients) this.write(client, name, data);
  }

  private write(client: ServerResponse, name: string, data: unknown): void {
    if (client.writableLength > 1 << 20) {
      client.destroy();
      this.clients.delete(client);
      return;
    }
    client.write(`event: ${name}\ndata: ${JSON.stringify(data)}\n\n`);
  }

  /** Ends every stream. */
  close(): void {
    clearInterval(this.heartbeat);
    for (const client of this.clients) client.end();
    this.clients.clear();
  }
}
