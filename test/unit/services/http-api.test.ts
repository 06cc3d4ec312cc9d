import { Registry, Gauge } from 'prom-client';
import { InvalidArgumentError, type TaskInfo } from 'mesos-napi';
import { ServiceScheduler, type ServiceHttpOptions } from 'mesos-napi/services';
import { SimulatedState, type SimulatedCluster } from 'mesos-napi/testing';
import { agents, cluster, liveTasks, pod, runService, service } from './harness';
import { call, errorOf, post } from './http-support';

const HTTP: ServiceHttpOptions = { port: 0 };

/** web-1's first task fails 3 s after it starts; everything else runs. */
function failingOnce(c: SimulatedCluster): void {
  c.onLaunch((task: TaskInfo) =>
    task.taskId.value.startsWith('shop.web-1.1-')
      ? {
          steps: [
            { state: 'TASK_STARTING' },
            { state: 'TASK_RUNNING' },
            {
              after: '3s',
              state: 'TASK_FAILED',
              reason: 'REASON_COMMAND_EXECUTOR_FAILED',
              message: 'exited 1',
            },
          ],
        }
      : undefined,
  );
}

const running: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const stop of running.splice(0)) await stop();
});

async function started(http: ServiceHttpOptions = HTTP, pods = [pod('web', 3)]) {
  const c = cluster({ agents: agents(2) });
  failingOnce(c);
  const run = runService(c, service(...pods), { http });
  await run.scheduler.ready();
  await c.advance('2s');
  const stop = async () => {
    run.driver.stop();
    run.scheduler.close();
    await run.scheduler.http!.close();
  };
  running.push(stop);
  return { c, ...run, stop };
}

test('off by default; with http it listens on 127.0.0.1 (port 0: any) and frameworkInfo() carries its address', async () => {
  const plain = new ServiceScheduler({
    definition: service(pod('web', 1)),
    state: new SimulatedState(),
  });
  await plain.ready();
  expect(plain.http).toBeUndefined();
  expect(plain.webuiUrl).toBeUndefined();
  expect(plain.frameworkInfo({ user: 'u', name: 'n' })).toEqual({ user: 'u', name: 'n' });

  const { scheduler, stop } = await started();
  const port = scheduler.http!.address!.port;
  expect(port).toBeGreaterThan(0);
  expect(scheduler.http!.address!.address).toBe('127.0.0.1');
  expect(scheduler.webuiUrl).toBe(`http://127.0.0.1:${port}/`);
  expect(scheduler.frameworkInfo({ user: 'u', name: 'n' })).toMatchObject({
    user: 'u',
    name: 'n',
    webuiUrl: `http://127.0.0.1:${port}/`,
  });
  await stop();
});

test('the options are checked, naming the field; a port in use fails ready()', async () => {
  const make = (http: unknown) => () =>
    new ServiceScheduler({
      definition: service(pod('web', 1)),
      state: new SimulatedState(),
      http: http as ServiceHttpOptions,
    });
  const cases: [unknown, string][] = [
    [{}, 'options.http.port'],
    [{ port: -1 }, 'options.http.port'],
    [{ port: 70000 }, 'options.http.port'],
    [{ port: 0, host: '' }, 'options.http.host'],
    [{ port: 0, token: '' }, 'options.http.token'],
    [{ port: 0, basicAuth: { user: 'a:b', password: 'p' } }, 'options.http.basicAuth.user'],
    [{ port: 0, basicAuth: { user: 'a', password: '' } }, 'options.http.basicAuth.password'],
    [{ port: 0, maxBodyBytes: 0 }, 'options.http.maxBodyBytes'],
    [{ port: 0, metrics: {} }, 'options.http.metrics'],
  ];
  for (const [http, argument] of cases) {
    expect(make(http)).toThrow(InvalidArgumentError);
    expect(make(http)).toThrow(expect.objectContaining({ argument }));
  }
  const { scheduler, stop } = await started();
  const second = new ServiceScheduler({
    definition: service(pod('web', 1)),
    state: new SimulatedState(),
    http: { port: scheduler.http!.address!.port },
  });
  await expect(second.ready()).rejects.toMatchObject({ code: 'EADDRINUSE' });
  await stop();
});

test('GET /health, /v1/definition, /v1/pods, /v1/instances and /v1/instances/<id>', async () => {
  const { c, scheduler, stop } = await started();
  const health = await call(scheduler, 'GET', '/health');
  expect(health.status).toBe(200);
  expect(health.json).toEqual({ status: 'ok', registered: true, role: 'single' });

  const definition = await call(scheduler, 'GET', '/v1/definition');
  expect(definition.json).toEqual({ version: 1, definition: scheduler.definition()!.definition });
  expect(definition.json.definition.pods[0]).toMatchObject({ name: 'web', instances: 3 });

  const pods = await call(scheduler, 'GET', '/v1/pods');
  expect(pods.json).toEqual([
    {
      name: 'web',
      instances: 3,
      running: 3,
      healthy: 3,
      instanceIds: ['web-0', 'web-1', 'web-2'],
    },
  ]);

  // web-1 fails and is restarted after its backoff (1 s by default).
  await c.advance('5s');
  const instances = await call(scheduler, 'GET', '/v1/instances');
  expect(instances.status).toBe(200);
  const byId = Object.fromEntries(instances.json.map((i: { id: string }) => [i.id, i]));
  const live = Object.fromEntries(liveTasks(c).map((t) => [t.instance, t]));
  expect(byId['web-0']).toMatchObject({
    state: 'TASK_RUNNING',
    taskId: live['web-0'].taskId,
    agentId: live['web-0'].agentId,
    hostname: expect.stringMatching(/^agent-[12]$/),
    restarts: 0,
    lastReason: null,
  });
  expect(byId['web-1']).toMatchObject({
    state: 'TASK_RUNNING',
    taskId: live['web-1'].taskId,
    restarts: 1,
    failures: 1,
    lastEnd: { state: 'TASK_FAILED', reason: 'REASON_COMMAND_EXECUTOR_FAILED' },
    lastReason: 'REASON_COMMAND_EXECUTOR_FAILED: exited 1',
  });

  const one = await call(scheduler, 'GET', '/v1/instances/web-1');
  expect(one.json).toMatchObject({ id: 'web-1', restarts: 1 });
  expect(one.json.history.map((h: { event: string }) => h.event)).toEqual([
    'launched',
    'running',
    'ended',
    'delayed',
    'launched',
    'running',
  ]);
  expect(errorOf(await call(scheduler, 'GET', '/v1/instances/web-9'))).toEqual({
    status: 404,
    code: 'NOT_FOUND',
    field: 'instance',
    message: "no instance 'web-9'",
  });
  // A HEAD is a GET without a body.
  const head = await call(scheduler, 'HEAD', '/v1/pods');
  expect(head.status).toBe(200);
  expect(head.text).toBe('');
  await stop();
});

test('GET /v1/events (limit checked), /v1/status, unknown paths and query parameters', async () => {
  const { scheduler, stop } = await started();
  const events = await call(scheduler, 'GET', '/v1/events');
  expect(events.json).toEqual(scheduler.status().events);
  expect(events.json.map((e: { type: string }) => e.type)).toContain('instance-running');
  const two = await call(scheduler, 'GET', '/v1/events?limit=2');
  expect(two.json).toEqual(scheduler.status().events.slice(-2));
  for (const bad of ['0', 'x', '-1', '1.5', '']) {
    expect(errorOf(await call(scheduler, 'GET', `/v1/events?limit=${bad}`))).toMatchObject({
      status: 400,
      field: 'limit',
    });
  }
  expect(errorOf(await call(scheduler, 'GET', '/v1/pods?verbose=1'))).toMatchObject({
    status: 400,
    field: 'verbose',
  });
  const status = await call(scheduler, 'GET', '/v1/status');
  expect(status.json).toMatchObject({
    name: 'shop',
    version: 1,
    registered: true,
    role: 'single',
    deployment: null,
  });
  expect(status.json.instances).toHaveLength(3);
  for (const path of ['/nope', '/v1', '/v1/pods/web', '/v1/instances/web-0/kill', '/v2/pods']) {
    expect(errorOf(await call(scheduler, 'GET', path))).toMatchObject({
      status: 404,
      code: 'NOT_FOUND',
    });
  }
  await stop();
});

test('/metrics: Prometheus text from the registry given, else 404 saying so', async () => {
  const without = await started();
  const missing = await call(without.scheduler, 'GET', '/metrics');
  expect(missing.status).toBe(404);
  expect(missing.json.error.message).toMatch(/http\.metrics.*prom-client Registry/);
  await without.stop();

  const registry = new Registry();
  const gauge = new Gauge({ name: 'shop_instances', help: 'instances', registers: [registry] });
  const { scheduler, stop } = await started({ port: 0, metrics: registry });
  gauge.set(scheduler.status().pods[0].running);
  const metrics = await call(scheduler, 'GET', '/metrics');
  expect(metrics.status).toBe(200);
  expect(metrics.headers.get('content-type')).toBe(registry.contentType);
  expect(metrics.text).toContain('# TYPE shop_instances gauge\nshop_instances 3');
  await stop();
});

test('POST /v1/pods/<pod>/scale changes the service; every bad input is refused naming the field', async () => {
  const { c, scheduler, stop } = await started({ port: 0, maxBodyBytes: 64 });
  const scaled = await post(scheduler, '/v1/pods/web/scale', { instances: 5 });
  expect(scaled.status).toBe(202);
  expect(scaled.json).toEqual({ pod: 'web', instances: 5, deployment: null });
  await c.advance('2s');
  expect(liveTasks(c)).toHaveLength(5);

  const refused: [object | string, Record<string, string>, object][] = [
    [{}, {}, { status: 400, field: 'instances', message: 'instances: required' }],
    [{ instances: '4' }, {}, { status: 400, field: 'instances' }],
    [{ instances: -1 }, {}, { status: 400, field: 'instances' }],
    [{ instances: 1.5 }, {}, { status: 400, field: 'instances' }],
    [{ instances: 10001 }, {}, { status: 400, field: 'instances' }],
    [{ instances: null }, {}, { status: 400, field: 'instances' }],
    [{ instances: 2, force: true }, {}, { status: 400, field: 'force' }],
    [
      '{"instances": 2',
      { 'Content-Type': 'application/json' },
      { status: 400, field: 'body', code: 'INVALID_JSON' },
    ],
    ['[2]', { 'Content-Type': 'application/json' }, { status: 400, field: 'body' }],
    ['2', { 'Content-Type': 'application/json' }, { status: 400, field: 'body' }],
    ['{"instances":2}', { 'Content-Type': 'text/plain' }, { status: 415, field: 'content-type' }],
    ['{"instances":2}', {}, { status: 415, field: 'content-type' }],
    [{ instances: 2, pad: 'x'.repeat(64) }, {}, { status: 413, field: 'body' }],
  ];
  for (const [body, headers, expected] of refused) {
    const answer = await call(scheduler, 'POST', '/v1/pods/web/scale', { body, headers });
    expect({ body, ...errorOf(answer) }).toMatchObject({ body, ...expected });
  }
  expect(errorOf(await post(scheduler, '/v1/pods/db/scale', { instances: 1 }))).toMatchObject({
    status: 404,
    field: 'pod',
    message: "no pod 'db' in service 'shop'",
  });
  // No action by GET: 405, and nothing changed.
  const get = await call(scheduler, 'GET', '/v1/pods/web/scale');
  expect(errorOf(get)).toMatchObject({ status: 405, code: 'METHOD_NOT_ALLOWED' });
  expect(get.headers.get('allow')).toBe('POST');
  expect(errorOf(await call(scheduler, 'DELETE', '/v1/pods'))).toMatchObject({ status: 405 });
  expect(errorOf(await call(scheduler, 'POST', '/v1/pods', { body: {} }))).toMatchObject({
    status: 405,
  });
  await c.advance('2s');
  expect(scheduler.status().pods[0].instances).toBe(5);
  expect(liveTasks(c)).toHaveLength(5);
  await stop();
});

test('a body larger than the limit is refused with 413 while it streams in', async () => {
  const { scheduler, stop } = await started({ port: 0, maxBodyBytes: 1024 });
  // Sent in chunks without a Content-Length: refused once 1024 bytes have arrived.
  const chunks = new ReadableStream({
    start(controller) {
      for (let i = 0; i < 8; i++) controller.enqueue(new TextEncoder().encode(' '.repeat(512)));
      controller.close();
    },
  });
  const response = await fetch(new URL('/v1/pods/web/scale', scheduler.webuiUrl), {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: chunks,
    duplex: 'half',
  } as RequestInit);
  expect(response.status).toBe(413);
  await stop();
});

test('POST /v1/instances/<id>/restart kills its task and launches it again at once', async () => {
  const { c, scheduler, stop } = await started();
  const before = liveTasks(c).find((t) => t.instance === 'web-0')!;
  const answer = await post(scheduler, '/v1/instances/web-0/restart');
  expect(answer.status).toBe(202);
  expect(answer.json).toEqual({ instance: 'web-0', restarting: true });
  await c.advance('2s');
  const after = liveTasks(c).find((t) => t.instance === 'web-0')!;
  expect(after.taskId).not.toBe(before.taskId);
  expect(c.statesOf(before.taskId).at(-1)).toBe('TASK_KILLED');
  const instance = (await call(scheduler, 'GET', '/v1/instances/web-0')).json;
  expect(instance).toMatchObject({
    state: 'TASK_RUNNING',
    restarts: 1,
    failures: 0,
    delayUntil: null,
  });
  expect(
    instance.history.find((h: { event: string }) => h.event === 'kill-requested'),
  ).toMatchObject({
    reason: 'restart',
  });
  expect(errorOf(await post(scheduler, '/v1/instances/web-7/restart'))).toMatchObject({
    status: 404,
    field: 'instance',
  });
  expect(
    errorOf(await post(scheduler, '/v1/instances/web-0/restart', { now: true })),
  ).toMatchObject({
    status: 400,
    field: 'now',
  });
  expect(
    errorOf(await call(scheduler, 'POST', '/v1/instances/web-0/restart', { body: '' })),
  ).toMatchObject({ status: 415 });
  expect(errorOf(await call(scheduler, 'GET', '/v1/instances/web-0/restart'))).toMatchObject({
    status: 405,
  });
  expect(
    errorOf(await call(scheduler, 'POST', '/v1/instances/%E0%A4%A/restart', { body: {} })),
  ).toMatchObject({
    status: 400,
    field: 'path',
  });
  await stop();
});

test('GET /v1/deployment shows the update with its progress and steps; pause stops its steps, resume carries on', async () => {
  const { c, scheduler, stop } = await started();
  expect((await call(scheduler, 'GET', '/v1/deployment')).json).toBeNull();
  expect(errorOf(await post(scheduler, '/v1/deployment/pause'))).toMatchObject({
    status: 409,
    message: 'no update in progress',
  });
  await c.advance('5s');
  await scheduler.update(service(pod('web', 3, { command: 'sleep 2000' })));
  const paused = await post(scheduler, '/v1/deployment/pause');
  expect(paused.status).toBe(200);
  expect(paused.json).toMatchObject({ id: 1, version: 2, state: 'running', paused: true });
  const stepsThen = paused.json.steps.length;
  await c.advance('10s');
  const held = (await call(scheduler, 'GET', '/v1/deployment')).json;
  expect(held).toMatchObject({ state: 'running', paused: true });
  expect(held.steps).toHaveLength(stepsThen);
  // The defaults (minimumHealthCapacity 1, maximumOverCapacity 1): all 3 new ones started
  // beside the old ones; paused, none of the old ones goes.
  expect(held.progress).toEqual([
    { pod: 'web', instances: 3, updated: 3, updatedHealthy: 3, old: 3 },
  ]);
  // Pausing twice changes nothing.
  expect((await post(scheduler, '/v1/deployment/pause')).status).toBe(200);
  expect(errorOf(await call(scheduler, 'GET', '/v1/deployment/pause'))).toMatchObject({
    status: 405,
  });

  const resumed = await post(scheduler, '/v1/deployment/resume');
  // Resumed, it takes its last step at once: the 3 old ones go, the update is done.
  expect(resumed.json).toMatchObject({ paused: false, state: 'succeeded' });
  await c.advance('10s');
  const done = (await call(scheduler, 'GET', '/v1/deployment')).json;
  expect(done).toMatchObject({ state: 'succeeded', paused: false });
  expect(done.progress).toEqual([
    { pod: 'web', instances: 3, updated: 3, updatedHealthy: 3, old: 0 },
  ]);
  expect(done.steps.length).toBeGreaterThan(stepsThen);
  expect(done.steps.flatMap((s: { removed: string[] }) => s.removed).sort()).toEqual([
    'web-0',
    'web-1',
    'web-2',
  ]);
  const types = scheduler.status().events.map((e) => e.type);
  expect(types).toEqual(expect.arrayContaining(['deployment-paused', 'deployment-resumed']));
  expect(errorOf(await post(scheduler, '/v1/deployment/resume'))).toMatchObject({
    status: 409,
    message: 'no update in progress: update 1 succeeded',
  });
  expect(errorOf(await post(scheduler, '/v1/deployment/resume', { x: 1 }))).toMatchObject({
    status: 400,
    field: 'x',
  });
  await stop();
});

test('a token or basic auth guards the actions (401), not the reads; requests from another origin are refused', async () => {
  const { c, scheduler, stop } = await started({
    port: 0,
    token: 's3cret',
    basicAuth: { user: 'ops', password: 'pa55' },
  });
  const basic = (text: string) => `Basic ${Buffer.from(text).toString('base64')}`;
  const refused = await post(scheduler, '/v1/pods/web/scale', { instances: 1 });
  expect(errorOf(refused)).toMatchObject({ status: 401, code: 'UNAUTHORIZED' });
  expect(refused.headers.get('www-authenticate')).toMatch(/Basic realm=.*Bearer realm=/);
  for (const authorization of [
    'Bearer nope',
    'Bearer',
    basic('ops:nope'),
    basic('ops'),
    's3cret',
  ]) {
    const answer = await post(
      scheduler,
      '/v1/pods/web/scale',
      { instances: 1 },
      { Authorization: authorization },
    );
    expect({ authorization, status: answer.status }).toEqual({ authorization, status: 401 });
  }
  expect((await call(scheduler, 'GET', '/v1/pods')).status).toBe(200);
  await c.advance('1s');
  expect(scheduler.status().pods[0].instances).toBe(3);
  const byToken = await post(
    scheduler,
    '/v1/pods/web/scale',
    { instances: 2 },
    { Authorization: 'Bearer s3cret' },
  );
  expect(byToken.status).toBe(202);
  const byBasic = await post(
    scheduler,
    '/v1/pods/web/scale',
    { instances: 1 },
    { Authorization: basic('ops:pa55') },
  );
  expect(byBasic.status).toBe(202);
  expect(scheduler.status().pods[0].instances).toBe(1);

  const foreign = await call(scheduler, 'GET', '/v1/pods', {
    headers: { Origin: 'http://evil.example' },
  });
  expect(errorOf(foreign)).toMatchObject({ status: 403, field: 'origin' });
  const own = new URL(scheduler.webuiUrl!).origin;
  expect((await call(scheduler, 'GET', '/v1/pods', { headers: { Origin: own } })).status).toBe(200);
  await stop();
});

test('GET / serves the page: one HTML file with its script and style, nothing from elsewhere', async () => {
  const { scheduler, stop } = await started();
  const page = await call(scheduler, 'GET', '/');
  expect(page.status).toBe(200);
  expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
  expect(page.text).toMatch(/<script>[\s\S]*new EventSource\('\/v1\/stream'\)/);
  expect(page.text).not.toMatch(/\b(src|href)=["']?(https?:)?\/\//);
  await stop();
});
