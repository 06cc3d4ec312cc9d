import { SimulatedState } from 'mesos-napi/testing';
import { InvalidArgumentError } from 'mesos-napi';
import {
  parseServiceDefinition,
  ServiceScheduler,
  type ServiceDefinition,
} from 'mesos-napi/services';

const valid = {
  name: 'shop',
  pods: [
    {
      name: 'web',
      instances: 3,
      resources: { cpus: 0.5, mem: 256, disk: 10, ports: 2, role: '*' },
      command: 'python3 -m http.server $PORT0',
      environment: { MODE: 'production' },
      uris: [
        'http://example.com/site.tgz',
        { value: 'http://example.com/run.sh', executable: true },
      ],
      labels: { team: 'web' },
      healthCheck: { http: { portIndex: 0, path: '/' }, gracePeriodSeconds: 10 },
      killPolicy: { gracePeriodSeconds: 5 },
      restart: {
        policy: 'on-failure',
        backoffSeconds: 2,
        backoffFactor: 2,
        maxLaunchDelaySeconds: 60,
      },
      constraints: [
        ['hostname', 'UNIQUE'],
        ['rack', 'GROUP_BY', '2'],
      ],
      upgrade: { minimumHealthCapacity: 0.5, maximumOverCapacity: 0 },
    },
    {
      name: 'proxy',
      instances: 2,
      resources: { cpus: 0.1, mem: 64, ports: 1 },
      container: {
        type: 'DOCKER',
        image: 'nginx:1.27',
        network: 'BRIDGE',
        portMappings: [{ containerPort: 80, protocol: 'tcp' }],
        parameters: { init: 'true' },
      },
    },
    {
      name: 'worker',
      instances: 1,
      resources: { cpus: 1, mem: 128, gpus: 1, ports: [8080] },
      executor: { command: ['./executor', '--verbose'], resources: { cpus: 0.1, mem: 64 } },
    },
  ],
};

/** The definition with one field replaced (path as 'pods.0.resources.cpus'). */
function withField(path: string, value: unknown): unknown {
  const copy = JSON.parse(JSON.stringify(valid));
  const keys = path.split('.');
  let target = copy;
  for (const key of keys.slice(0, -1)) target = target[key];
  if (value === undefined) delete target[keys[keys.length - 1]];
  else target[keys[keys.length - 1]] = value;
  return copy;
}

function errorOf(input: unknown): InvalidArgumentError {
  try {
    parseServiceDefinition(input);
  } catch (error) {
    expect(error).toBeInstanceOf(InvalidArgumentError);
    return error as InvalidArgumentError;
  }
  throw new Error('no error');
}

test('a full definition, as an object and as JSON text, comes back as it was', () => {
  expect(parseServiceDefinition(valid)).toEqual(valid);
  expect(parseServiceDefinition(JSON.stringify(valid))).toEqual(valid);
});

test.each([
  ['pods.0.resources.cpus', 'many', 'pods[0].resources.cpus', /expected a number, got string/],
  ['pods.0.resources.cpus', 0, 'pods[0].resources.cpus', /must be more than 0/],
  ['pods.0.resources.mem', undefined, 'pods[0].resources.mem', /expected a number/],
  ['pods.0.resources.ports', [80, 80], 'pods[0].resources.ports[1]', /listed twice/],
  ['pods.0.resources.ports', [70000], 'pods[0].resources.ports[0]', /at most 65535/],
  ['pods.0.resources.gpus', 0.5, 'pods[0].resources.gpus', /whole number/],
  ['pods.0.resources.cpu', 1, 'pods[0].resources.cpu', /unknown field/],
  ['pods.0.instances', -1, 'pods[0].instances', /at least 0/],
  ['pods.0.instances', 1.5, 'pods[0].instances', /whole number/],
  ['pods.0.name', 'web server', 'pods[0].name', /only letters/],
  ['pods.2.name', 'web', 'pods[2].name', /name of another pod/],
  ['pods.0.executor', { command: 'x' }, 'pods[0].command', /exactly one of command and executor/],
  ['pods.2.executor', undefined, 'pods[2].command', /exactly one of command and executor/],
  ['pods.2.executor.command', [], 'pods[2].executor.command', /non-empty array/],
  ['pods.0.environment', { A: 1 }, 'pods[0].environment.A', /expected a string/],
  ['pods.0.uris', [{ path: 'x' }], 'pods[0].uris[0].path', /unknown field/],
  ['pods.0.healthCheck.http.portIndex', 2, 'pods[0].healthCheck.http.portIndex', /has 2 ports/],
  [
    'pods.0.healthCheck.tcp',
    { port: 80 },
    'pods[0].healthCheck',
    /exactly one of command, http and tcp/,
  ],
  ['pods.0.healthCheck.intervalSeconds', -1, 'pods[0].healthCheck.intervalSeconds', /at least 0/],
  [
    'pods.0.killPolicy.gracePeriodSeconds',
    'soon',
    'pods[0].killPolicy.gracePeriodSeconds',
    /number/,
  ],
  ['pods.0.restart.policy', 'sometimes', 'pods[0].restart.policy', /always, on-failure, never/],
  ['pods.0.restart.backoffFactor', 0.5, 'pods[0].restart.backoffFactor', /at least 1/],
  ['pods.0.constraints.0', ['hostname', 'UNIQUE', 'x'], 'pods[0].constraints[0][2]', /no value/],
  ['pods.0.constraints.1', ['rack', 'NEAR'], 'pods[0].constraints[1][1]', /UNIQUE, CLUSTER/],
  ['pods.0.constraints.1', ['rack', 'LIKE'], 'pods[0].constraints[1]', /LIKE needs a value/],
  [
    'pods.0.constraints.1',
    ['rack', 'LIKE', '('],
    'pods[0].constraints[1][2]',
    /regular expression/,
  ],
  ['pods.0.constraints.1', ['rack', 'MAX_PER', '0'], 'pods[0].constraints[1][2]', /at least 1/],
  [
    'pods.0.upgrade.minimumHealthCapacity',
    1.5,
    'pods[0].upgrade.minimumHealthCapacity',
    /at most 1/,
  ],
  [
    'pods.0.upgrade',
    { minimumHealthCapacity: 1, maximumOverCapacity: 0 },
    'pods[0].upgrade.maximumOverCapacity',
    /no room/,
  ],
  ['pods.1.container.image', '', 'pods[1].container.image', /non-empty string/],
  ['pods.1.container.type', 'RKT', 'pods[1].container.type', /MESOS, DOCKER/],
  ['pods.1.container.network', 'HOST', 'pods[1].container.network', /BRIDGE or a USER/],
  [
    'pods.1.container.portMappings',
    [{ containerPort: 80 }, { containerPort: 443 }],
    'pods[1].container.portMappings',
    /2 mappings for 1 port/,
  ],
  [
    'pods.1.container.portMappings.0.containerPort',
    0,
    'pods[1].container.portMappings[0].containerPort',
    /at least 1/,
  ],
  ['pods.1.container', { type: 'MESOS' }, 'pods[1].command', /or a container with an image/],
  ['pods.2.container', { type: 'MESOS' }, 'pods[2].container', /cannot go with executor/],
  ['name', 'my shop', 'name', /only letters/],
  ['pods', {}, 'pods', /expected an array/],
  ['extra', true, 'extra', /unknown field/],
])('%s = %j: an error naming %s', (path, value, field, message) => {
  const error = errorOf(withField(path, value));
  expect(error.argument).toBe(field);
  expect(error.message).toMatch(message);
  expect(error.message.startsWith(`${field}: `)).toBe(true);
});

test('text that is not JSON, and a definition that is not an object', () => {
  expect(errorOf('{ pods: ').argument).toBe('definition');
  expect(errorOf(42).message).toBe('definition: expected an object, got number');
});

test('the ServiceScheduler checks its definition before anything runs', () => {
  expect(
    () =>
      new ServiceScheduler({
        definition: withField('pods.0.resources.cpus', -1) as ServiceDefinition,
        state: new SimulatedState(),
      }),
  ).toThrow('pods[0].resources.cpus: must be more than 0, got -1');
});
