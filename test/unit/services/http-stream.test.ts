import * as http from 'http';
import { agents, cluster, pod, runService, service } from './harness';

type Received = { event: string; data: Record<string, unknown> };

/** Reads /v1/stream; `until` resolves once an event matches. */
function openStream(url: string) {
  const received: Received[] = [];
  let retry: number | undefined;
  let waiters: (() => void)[] = [];
  let ended = false;
  let request!: http.ClientRequest;
  const opened = new Promise<http.IncomingMessage>((resolve, reject) => {
    request = http.get(new URL('/v1/stream', url), (response) => {
      let buffer = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => {
        buffer += chunk;
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const fields = Object.fromEntries(
            block
              .split('\n')
              .filter((line) => !line.startsWith(':'))
              .map((line) => [line.slice(0, line.indexOf(':')), line.slice(line.indexOf(':') + 2)]),
          );
          if (fields.retry !== undefined) retry = Number(fields.retry);
          if (fields.event !== undefined) {
            received.push({ event: fields.event, data: JSON.parse(fields.data) });
          }
        }
        const ready = waiters;
        waiters = [];
        ready.forEach((wake) => wake());
      });
      response.on('end', () => {
        ended = true;
        waiters.forEach((wake) => wake());
      });
      resolve(response);
    });
    request.on('error', reject);
  });
  const until = async (what: string, test: (r: Received) => boolean): Promise<Received> => {
    for (;;) {
      const found = received.find(test);
      if (found) return found;
      if (ended) throw new Error(`the stream ended before ${what}`);
      await new Promise<void>((wake) => waiters.push(wake));
    }
  };
  return {
    opened,
    received,
    until,
    retry: () => retry,
    ended: () => ended,
    close: () => request.destroy(),
  };
}

test('/v1/stream: the status at once, then every event and the status after it, live', async () => {
  const c = cluster({ agents: agents(2) });
  const { scheduler, driver } = runService(c, service(pod('web', 2)), { http: { port: 0 } });
  await scheduler.ready();
  await c.advance('2s');
  const stream = openStream(scheduler.webuiUrl!);
  const response = await stream.opened;
  expect(response.statusCode).toBe(200);
  expect(response.headers['content-type']).toBe('text/event-stream; charset=utf-8');
  const first = await stream.until('the first status', (r) => r.event === 'status');
  expect(stream.received[0]).toBe(first);
  expect(stream.retry()).toBe(2000);
  expect(first.data).toMatchObject({ name: 'shop', registered: true, role: 'single' });
  expect(
    (first.data.instances as { id: string; state: string }[]).map((i) => [i.id, i.state]),
  ).toEqual([
    ['web-0', 'TASK_RUNNING'],
    ['web-1', 'TASK_RUNNING'],
  ]);
  expect(scheduler.http!.streamCount).toBe(1);

  // An agent goes: its instance's task is lost; the stream says so as it happens.
  const lostAgent = c.agents()[0].id;
  const lostInstance = scheduler
    .status()
    .pods[0].instanceList.find((i) => i.agentId === lostAgent)!.id;
  c.loseAgent(lostAgent);
  await c.advance('100ms');
  const ended = await stream.until(
    'the instance-ended event',
    (r) => r.event === 'event' && r.data.type === 'instance-ended',
  );
  expect(ended.data).toMatchObject({ instance: lostInstance, state: 'TASK_LOST' });
  const after = await stream.until(
    'a status without the lost task',
    (r) =>
      r.event === 'status' &&
      (r.data.instances as { id: string; state: string | null }[]).some(
        (i) => i.id === lostInstance && i.state !== 'TASK_RUNNING',
      ),
  );
  expect(stream.received.indexOf(after)).toBeGreaterThan(stream.received.indexOf(ended));

  // Closed by the client: forgotten by the server.
  stream.close();
  await new Promise<void>((resolve) => {
    const check = () => (scheduler.http!.streamCount === 0 ? resolve() : setImmediate(check));
    check();
  });
  // The server's close() ends the streams still open.
  const other = openStream(scheduler.webuiUrl!);
  await other.until('its first status', (r) => r.event === 'status');
  driver.stop();
  scheduler.close();
  await scheduler.http!.close();
  await expect(other.until('the end', () => false)).rejects.toThrow(
    'the stream ended before the end',
  );
  expect(other.ended()).toBe(true);
});
