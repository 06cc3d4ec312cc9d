import { SimulatedState } from 'mesos-napi/testing';
import type { TaskInfo } from 'mesos-napi';
import { cluster, liveTasks, pod, runService, service } from './harness';

const env = (task: TaskInfo) =>
  Object.fromEntries(
    (task.command ?? task.executor?.command)!.environment!.variables.map((v) => [v.name, v.value]),
  );

test('the task of an instance: resources, ports by count, environment, URIs, labels, health check, kill policy', async () => {
  const c = cluster({ agents: [{ hostname: 'box' }] });
  const { scheduler, driver } = runService(
    c,
    service(
      pod('web', 1, {
        resources: { cpus: 0.5, mem: 256, disk: 100, ports: 2 },
        command: 'serve --port $PORT0',
        environment: { MODE: 'test' },
        uris: [
          'http://example.com/site.tgz',
          { value: 'http://example.com/run', executable: true },
        ],
        labels: { team: 'web' },
        healthCheck: { http: { portIndex: 1, path: '/ok' }, intervalSeconds: 5 },
        killPolicy: { gracePeriodSeconds: 3 },
      }),
    ),
  );
  await c.advance('1s');
  expect(c.launched).toHaveLength(1);
  const task = c.launched[0].task;
  expect(task.taskId.value).toMatch(/^shop\.web-0\.1-[0-9a-f]{8}$/);
  expect(task.name).toBe('shop.web-0');
  const amounts = Object.fromEntries(
    task.resources.map((r) => [r.name, r.scalar?.value ?? r.ranges?.range]),
  );
  expect(amounts).toEqual({
    cpus: 0.5,
    mem: 256,
    disk: 100,
    ports: [{ begin: 31000n, end: 31001n }],
  });
  expect(env(task)).toEqual({
    MODE: 'test',
    HOST: 'box',
    PORTS: '31000,31001',
    PORT0: '31000',
    PORT1: '31001',
    SERVICE_NAME: 'shop',
    SERVICE_POD: 'web',
    SERVICE_INSTANCE: 'web-0',
  });
  expect(task.command).toMatchObject({
    shell: true,
    value: 'serve --port $PORT0',
    uris: [
      { value: 'http://example.com/site.tgz' },
      { value: 'http://example.com/run', executable: true },
    ],
  });
  expect(task.labels?.labels).toEqual([
    { key: 'team', value: 'web' },
    { key: 'mesos-napi.service', value: 'shop' },
    { key: 'mesos-napi.instance', value: 'web-0' },
    { key: 'mesos-napi.version', value: '1' },
  ]);
  expect(task.healthCheck).toMatchObject({
    type: 'HTTP',
    http: { port: 31001, path: '/ok' },
    intervalSeconds: 5,
  });
  expect(task.killPolicy?.gracePeriod?.nanoseconds).toBe(3_000_000_000n);
  expect(scheduler.status().pods[0].instanceList[0]).toMatchObject({
    ports: [31000, 31001],
    hostname: 'box',
  });
  driver.stop();
  scheduler.close();
});

test('ports by number, a custom executor with resources of its own, and a pod that does not fit', async () => {
  const c = cluster({ agents: [{ resources: 'cpus:2;mem:1024;disk:1000;ports:[8000-8100]' }] });
  const { scheduler, driver } = runService(
    c,
    service(
      pod('api', 1, {
        resources: { cpus: 1, mem: 128, ports: [8080, 8000] },
        command: undefined,
        executor: { command: ['./my-executor'], resources: { cpus: 0.2, mem: 64 } },
      }),
      pod('big', 1, { resources: { cpus: 8, mem: 128 } }),
    ),
  );
  await c.advance('1s');
  expect(c.launched).toHaveLength(1);
  const task = c.launched[0].task;
  expect(task.command).toBeUndefined();
  expect(task.resources.find((r) => r.name === 'ports')?.ranges?.range).toEqual([
    { begin: 8000n, end: 8000n },
    { begin: 8080n, end: 8080n },
  ]);
  expect(env(task)).toMatchObject({ PORTS: '8080,8000', PORT0: '8080', PORT1: '8000' });
  expect(task.executor).toMatchObject({
    executorId: { value: task.taskId.value },
    command: { shell: false, value: './my-executor' },
  });
  const own = Object.fromEntries(task.executor!.resources.map((r) => [r.name, r.scalar?.value]));
  expect(own).toEqual({ cpus: 0.2, mem: 64 });
  const big = scheduler.status().pods.find((p) => p.name === 'big')!.instanceList[0];
  expect(big.waitingFor).toBe('the offers hold too little for the pod');
  // Something waits: later offers are declined for a short while, not suppressed.
  await c.advance('12s');
  expect(c.declined.length).toBeGreaterThanOrEqual(1);
  expect(c.declined.every((d) => d.refuseSeconds === 5)).toBe(true);
  expect(scheduler.status().suppressed).toBe(false);
  driver.stop();
  scheduler.close();
});

test('tasks of the framework that the service does not know are killed', async () => {
  const c = cluster();
  const first = runService(c, service(pod('web', 2)));
  await c.advance('2s');
  const frameworkId = first.scheduler.frameworkId!.value;
  const orphans = liveTasks(c).map((t) => t.taskId);
  first.driver.stop(true);
  first.scheduler.close();
  // A scheduler with an empty State: the running tasks are none of its instances.
  const second = runService(c, service(pod('web', 2)), {
    state: new SimulatedState(),
    frameworkId,
  });
  await c.advance('3s');
  const killed = second.events.filter((e) => e.type === 'unknown-task-killed');
  expect(killed.map((e) => (e as { taskId: string }).taskId).sort()).toEqual([...orphans].sort());
  expect(
    liveTasks(c)
      .map((t) => t.taskId)
      .filter((id) => orphans.includes(id)),
  ).toEqual([]);
  expect(liveTasks(c)).toHaveLength(2);
  second.driver.stop();
  second.scheduler.close();
});

test('a Docker container: the instance’s ports mapped, and the image’s entrypoint without a command', async () => {
  const c = cluster();
  const { scheduler, driver } = runService(
    c,
    service(
      pod('proxy', 1, {
        command: undefined,
        resources: { cpus: 0.1, mem: 64, ports: 2 },
        container: {
          type: 'DOCKER',
          image: 'nginx:1.27',
          network: 'BRIDGE',
          portMappings: [{ containerPort: 80 }, { containerPort: 443, protocol: 'tcp' }],
        },
      }),
      pod('tool', 1, { command: 'tool --once', container: { type: 'MESOS', image: 'alpine:3' } }),
    ),
  );
  await c.advance('1s');
  const [proxy, tool] = c.launched.map((l) => l.task);
  expect(proxy.container).toEqual({
    type: 'DOCKER',
    volumes: [],
    networkInfos: [],
    docker: {
      image: 'nginx:1.27',
      network: 'BRIDGE',
      parameters: [],
      portMappings: [
        { hostPort: 31000, containerPort: 80 },
        { hostPort: 31001, containerPort: 443, protocol: 'tcp' },
      ],
    },
  });
  expect(proxy.command?.shell).toBe(false);
  expect(proxy.command?.value).toBeUndefined();
  expect(env(proxy)).toMatchObject({ PORT0: '31000', PORT1: '31001' });
  expect(tool.container).toMatchObject({
    type: 'MESOS',
    mesos: { image: { type: 'DOCKER', docker: { name: 'alpine:3' } } },
  });
  expect(tool.command).toMatchObject({ shell: true, value: 'tool --once' });
  expect(scheduler.status().pods.map((p) => p.running)).toEqual([1, 1]);
  driver.stop();
  scheduler.close();
});
