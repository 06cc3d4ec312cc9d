import * as read from './fields';
import { at, fail, optional } from './fields';
import { parseConstraint } from '../placement/constraints';
import type {
  PodContainer,
  PodDefinition,
  PodExecutor,
  PodHealthCheck,
  PodResources,
  PodUri,
  PodVolume,
  RestartPolicy,
  ServiceDefinition,
  UpgradeStrategy,
} from './types';

/**
 * Checks a service definition (an object, or JSON text) and returns it as a
 * ServiceDefinition: every field's type and bounds, unknown fields refused, each error an
 * InvalidArgumentError naming the field (`pods[0].resources.cpus`). Definitions written
 * in TypeScript pass through it too (ServiceScheduler and update() call it).
 */
export function parseServiceDefinition(input: unknown): ServiceDefinition {
  let value = input;
  if (typeof input === 'string') {
    try {
      value = JSON.parse(input);
    } catch (error) {
      fail('definition', `not JSON: ${(error as Error).message}`);
    }
  }
  const service = read.object(value, 'definition');
  read.onlyKeys(service, ['name', 'pods'], '');
  const pods = read.array(service.pods, 'pods').map((pod, i) => parsePod(pod, `pods[${i}]`));
  const seen = new Set<string>();
  pods.forEach((pod, i) => {
    if (seen.has(pod.name)) fail(`pods[${i}].name`, `'${pod.name}' is the name of another pod`);
    seen.add(pod.name);
  });
  return { name: read.name(service.name, 'name'), pods };
}

const POD_KEYS = [
  'name',
  'instances',
  'resources',
  'command',
  'executor',
  'container',
  'environment',
  'uris',
  'labels',
  'healthCheck',
  'killPolicy',
  'restart',
  'constraints',
  'upgrade',
  'volumes',
];

function parsePod(value: unknown, path: string): PodDefinition {
  const pod = read.object(value, path);
  read.onlyKeys(pod, POD_KEYS, path);
  const resources = parseResources(pod.resources, at(path, 'resources'));
  const container = optional(pod, 'container', path, (v, p) =>
    parseContainer(v, p, portCount(resources)),
  );
  const image = container !== undefined && (container.type === 'DOCKER' || container.image);
  if (pod.command !== undefined && pod.executor !== undefined) {
    fail(at(path, 'command'), 'give exactly one of command and executor');
  }
  if (pod.command === undefined && pod.executor === undefined && !image) {
    fail(
      at(path, 'command'),
      'give exactly one of command and executor (or a container with an image)',
    );
  }
  if (container !== undefined && pod.executor !== undefined) {
    fail(at(path, 'container'), 'a container runs the command; it cannot go with executor');
  }
  const healthCheck = optional(pod, 'healthCheck', path, parseHealthCheck);
  if (healthCheck) checkHealthPort(healthCheck, resources, at(path, 'healthCheck'));
  const parsed: PodDefinition = {
    name: read.name(pod.name, at(path, 'name')),
    instances: read.number(pod.instances, at(path, 'instances'), { min: 0, integer: true }),
    resources,
  };
  const fields: Partial<PodDefinition> = {
    command: optional(pod, 'command', path, read.command),
    executor: optional(pod, 'executor', path, parseExecutor),
    container,
    environment: optional(pod, 'environment', path, read.stringMap),
    uris: optional(pod, 'uris', path, (v, p) =>
      read.array(v, p).map((u, i) => parseUri(u, `${p}[${i}]`)),
    ),
    labels: optional(pod, 'labels', path, read.stringMap),
    healthCheck,
    killPolicy: optional(pod, 'killPolicy', path, (v, p) => {
      const policy = read.object(v, p);
      read.onlyKeys(policy, ['gracePeriodSeconds'], p);
      return {
        gracePeriodSeconds: read.number(policy.gracePeriodSeconds, at(p, 'gracePeriodSeconds'), {
          min: 0,
        }),
      };
    }),
    restart: optional(pod, 'restart', path, parseRestart),
    constraints: optional(pod, 'constraints', path, (v, p) =>
      read.array(v, p).map((c, i) => parseConstraint(c, `${p}[${i}]`)),
    ),
    upgrade: optional(pod, 'upgrade', path, parseUpgrade),
    volumes: optional(pod, 'volumes', path, (v, p) => parseVolumes(v, p, resources)),
  };
  for (const [key, field] of Object.entries(fields)) {
    if (field !== undefined) (parsed as unknown as Record<string, unknown>)[key] = field;
  }
  return parsed;
}

function parseVolumes(value: unknown, path: string, resources: PodResources): PodVolume[] {
  const volumes = read.array(value, path).map((v, i) => {
    const where = `${path}[${i}]`;
    const volume = read.object(v, where);
    read.onlyKeys(volume, ['containerPath', 'sizeMB'], where);
    const containerPath = read.string(volume.containerPath, at(where, 'containerPath'));
    if (containerPath.startsWith('/') || containerPath.split('/').includes('..')) {
      fail(at(where, 'containerPath'), `must be relative to the sandbox, without '..'`);
    }
    return {
      containerPath,
      sizeMB: read.number(volume.sizeMB, at(where, 'sizeMB'), { min: 1, integer: true }),
    };
  });
  volumes.forEach((volume, i) => {
    if (volumes.findIndex((v) => v.containerPath === volume.containerPath) !== i) {
      fail(
        `${path}[${i}].containerPath`,
        `'${volume.containerPath}' is the path of another volume`,
      );
    }
  });
  if (volumes.length > 0 && (resources.role === undefined || resources.role === '*')) {
    fail(path, 'persistent volumes are reserved for a role: give the pod resources.role');
  }
  return volumes;
}

function parseResources(value: unknown, path: string): PodResources {
  const resources = read.object(value, path);
  read.onlyKeys(resources, ['cpus', 'mem', 'disk', 'gpus', 'ports', 'role'], path);
  const parsed: PodResources = {
    cpus: read.number(resources.cpus, at(path, 'cpus'), { above: 0 }),
    mem: read.number(resources.mem, at(path, 'mem'), { above: 0 }),
  };
  const disk = optional(resources, 'disk', path, (v, p) => read.number(v, p, { min: 0 }));
  const gpus = optional(resources, 'gpus', path, (v, p) =>
    read.number(v, p, { min: 0, integer: true }),
  );
  const ports = optional(resources, 'ports', path, parsePorts);
  const role = optional(resources, 'role', path, read.string);
  if (disk !== undefined) parsed.disk = disk;
  if (gpus !== undefined) parsed.gpus = gpus;
  if (ports !== undefined) parsed.ports = ports;
  if (role !== undefined) parsed.role = role;
  return parsed;
}

function parsePorts(value: unknown, path: string): number | number[] {
  if (typeof value === 'number') return read.number(value, path, { min: 0, integer: true });
  const ports = read
    .array(value, path)
    .map((port, i) => read.number(port, `${path}[${i}]`, { min: 1, max: 65535, integer: true }));
  ports.forEach((port, i) => {
    if (ports.indexOf(port) !== i) fail(`${path}[${i}]`, `port ${port} is listed twice`);
  });
  return ports;
}

function portCount(resources: PodResources): number {
  const ports = resources.ports ?? 0;
  return typeof ports === 'number' ? ports : ports.length;
}

function parseContainer(value: unknown, path: string, ports: number): PodContainer {
  const container = read.object(value, path);
  const type = read.oneOf(container.type, ['MESOS', 'DOCKER'] as const, at(path, 'type'));
  if (type === 'MESOS') {
    read.onlyKeys(container, ['type', 'image', 'forcePullImage'], path);
    const parsed: PodContainer = { type };
    const image = optional(container, 'image', path, read.string);
    const forcePullImage = optional(container, 'forcePullImage', path, read.boolean);
    if (image !== undefined) parsed.image = image;
    if (forcePullImage !== undefined) parsed.forcePullImage = forcePullImage;
    return parsed;
  }
  read.onlyKeys(
    container,
    ['type', 'image', 'network', 'portMappings', 'privileged', 'forcePullImage', 'parameters'],
    path,
  );
  const parsed: PodContainer = { type, image: read.string(container.image, at(path, 'image')) };
  const network = optional(container, 'network', path, (v, p) =>
    read.oneOf(v, ['HOST', 'BRIDGE', 'NONE', 'USER'] as const, p),
  );
  if (network !== undefined) parsed.network = network;
  const mappings = optional(container, 'portMappings', path, (v, p) =>
    read.array(v, p).map((m, i) => {
      const q = `${p}[${i}]`;
      const mapping = read.object(m, q);
      read.onlyKeys(mapping, ['containerPort', 'protocol'], q);
      const protocol = optional(mapping, 'protocol', q, (x, r) =>
        read.oneOf(x, ['tcp', 'udp'] as const, r),
      );
      return {
        containerPort: read.number(mapping.containerPort, at(q, 'containerPort'), {
          min: 1,
          max: 65535,
          integer: true,
        }),
        ...(protocol !== undefined ? { protocol } : {}),
      };
    }),
  );
  if (mappings !== undefined) {
    if (mappings.length > ports) {
      fail(
        at(path, 'portMappings'),
        `${mappings.length} mappings for ${ports} port${ports === 1 ? '' : 's'} (resources.ports): each maps one of the instance's ports`,
      );
    }
    if (mappings.length > 0 && (network ?? 'HOST') !== 'BRIDGE' && network !== 'USER') {
      fail(at(path, 'network'), 'port mappings need the BRIDGE or a USER network');
    }
    parsed.portMappings = mappings;
  }
  for (const key of ['privileged', 'forcePullImage'] as const) {
    const flag = optional(container, key, path, read.boolean);
    if (flag !== undefined) parsed[key] = flag;
  }
  const parameters = optional(container, 'parameters', path, read.stringMap);
  if (parameters !== undefined) parsed.parameters = parameters;
  return parsed;
}

function parseExecutor(value: unknown, path: string): PodExecutor {
  const executor = read.object(value, path);
  read.onlyKeys(executor, ['command', 'resources'], path);
  const parsed: PodExecutor = { command: read.command(executor.command, at(path, 'command')) };
  const resources = optional(executor, 'resources', path, (v, p) => {
    const own = read.object(v, p);
    read.onlyKeys(own, ['cpus', 'mem', 'disk'], p);
    const out: PodExecutor['resources'] = {};
    for (const key of ['cpus', 'mem', 'disk'] as const) {
      const amount = optional(own, key, p, (x, q) => read.number(x, q, { min: 0 }));
      if (amount !== undefined) out[key] = amount;
    }
    return out;
  });
  if (resources) parsed.resources = resources;
  return parsed;
}

function parseUri(value: unknown, path: string): string | PodUri {
  if (typeof value === 'string') return read.string(value, path);
  const uri = read.object(value, path);
  read.onlyKeys(uri, ['value', 'extract', 'executable', 'cache', 'outputFile'], path);
  const parsed: PodUri = { value: read.string(uri.value, at(path, 'value')) };
  for (const key of ['extract', 'executable', 'cache'] as const) {
    const flag = optional(uri, key, path, read.boolean);
    if (flag !== undefined) parsed[key] = flag;
  }
  const outputFile = optional(uri, 'outputFile', path, read.string);
  if (outputFile !== undefined) parsed.outputFile = outputFile;
  return parsed;
}

const TIMING = [
  'delaySeconds',
  'intervalSeconds',
  'timeoutSeconds',
  'consecutiveFailures',
  'gracePeriodSeconds',
] as const;

function parseHealthCheck(value: unknown, path: string): PodHealthCheck {
  const check = read.object(value, path);
  read.onlyKeys(check, ['command', 'http', 'tcp', ...TIMING], path);
  const targets = ['command', 'http', 'tcp'].filter((key) => check[key] !== undefined);
  if (targets.length !== 1) fail(path, 'give exactly one of command, http and tcp');
  const timing: Record<string, number> = {};
  for (const key of TIMING) {
    const amount = optional(check, key, path, (v, p) =>
      read.number(v, p, { min: 0, integer: key === 'consecutiveFailures' }),
    );
    if (amount !== undefined) timing[key] = amount;
  }
  if (check.command !== undefined) {
    return { ...timing, command: read.command(check.command, at(path, 'command')) };
  }
  if (check.http !== undefined) {
    const p = at(path, 'http');
    const http = read.object(check.http, p);
    read.onlyKeys(http, ['portIndex', 'port', 'path', 'scheme'], p);
    const target = portTarget(http, p);
    const urlPath = optional(http, 'path', p, read.string);
    const scheme = optional(http, 'scheme', p, (v, q) =>
      read.oneOf(v, ['http', 'https'] as const, q),
    );
    return {
      ...timing,
      http: {
        ...target,
        ...(urlPath !== undefined ? { path: urlPath } : {}),
        ...(scheme !== undefined ? { scheme } : {}),
      },
    };
  }
  const p = at(path, 'tcp');
  const tcp = read.object(check.tcp, p);
  read.onlyKeys(tcp, ['portIndex', 'port'], p);
  return { ...timing, tcp: portTarget(tcp, p) };
}

function portTarget(
  value: Record<string, unknown>,
  path: string,
): { portIndex?: number; port?: number } {
  if ((value.port === undefined) === (value.portIndex === undefined)) {
    fail(path, 'give exactly one of port and portIndex');
  }
  if (value.port !== undefined) {
    return {
      port: read.number(value.port, at(path, 'port'), { min: 1, max: 65535, integer: true }),
    };
  }
  return {
    portIndex: read.number(value.portIndex, at(path, 'portIndex'), { min: 0, integer: true }),
  };
}

function checkHealthPort(check: PodHealthCheck, resources: PodResources, path: string): void {
  const target = 'http' in check ? check.http : 'tcp' in check ? check.tcp : undefined;
  if (target?.portIndex === undefined) return;
  const count = portCount(resources);
  if (target.portIndex >= count) {
    fail(
      `${path}.${'http' in check ? 'http' : 'tcp'}.portIndex`,
      `the pod has ${count} port${count === 1 ? '' : 's'} (resources.ports), so there is no port ${target.portIndex}`,
    );
  }
}

function parseRestart(value: unknown, path: string): RestartPolicy {
  const restart = read.object(value, path);
  read.onlyKeys(
    restart,
    ['policy', 'backoffSeconds', 'backoffFactor', 'maxLaunchDelaySeconds', 'resetAfterSeconds'],
    path,
  );
  const parsed: RestartPolicy = {};
  const policy = optional(restart, 'policy', path, (v, p) =>
    read.oneOf(v, ['always', 'on-failure', 'never'] as const, p),
  );
  if (policy !== undefined) parsed.policy = policy;
  const bounds = {
    backoffSeconds: { min: 0 },
    backoffFactor: { min: 1 },
    maxLaunchDelaySeconds: { min: 0 },
    resetAfterSeconds: { min: 0 },
  } as const;
  for (const key of Object.keys(bounds) as (keyof typeof bounds)[]) {
    const amount = optional(restart, key, path, (v, p) => read.number(v, p, bounds[key]));
    if (amount !== undefined) parsed[key] = amount;
  }
  return parsed;
}

function parseUpgrade(value: unknown, path: string): UpgradeStrategy {
  const upgrade = read.object(value, path);
  read.onlyKeys(upgrade, ['minimumHealthCapacity', 'maximumOverCapacity', 'maxFailures'], path);
  const parsed: UpgradeStrategy = {};
  for (const key of ['minimumHealthCapacity', 'maximumOverCapacity'] as const) {
    const amount = optional(upgrade, key, path, (v, p) => read.number(v, p, { min: 0, max: 1 }));
    if (amount !== undefined) parsed[key] = amount;
  }
  const maxFailures = optional(upgrade, 'maxFailures', path, (v, p) =>
    read.number(v, p, { min: 1, integer: true }),
  );
  if (maxFailures !== undefined) parsed.maxFailures = maxFailures;
  if ((parsed.minimumHealthCapacity ?? 1) === 1 && parsed.maximumOverCapacity === 0) {
    fail(
      at(path, 'maximumOverCapacity'),
      'with minimumHealthCapacity 1, 0 leaves no room to start a new instance before an old one goes',
    );
  }
  return parsed;
}
