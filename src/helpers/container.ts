import type { ContainerInfo, Input } from '../messages';
import { InvalidArgumentError } from '../errors';

/** A port of the agent (hostPort, one of the task's port resources) mapped into a container. */
export interface PortMapping {
  /** The port on the agent (one the task was given). */
  hostPort: number;
  /** The port inside the container. */
  containerPort: number;
  /** Default 'tcp'. */
  protocol?: 'tcp' | 'udp';
}

/**
 * A container for a task: Mesos's own containerizer, optionally with a Docker image
 * (`type: 'MESOS'`), or the Docker containerizer (`type: 'DOCKER'`, the agent needs
 * `--containerizers=docker,mesos`).
 */
export type ContainerFields =
  | { type: 'MESOS'; image?: string; forcePullImage?: boolean }
  | {
      type: 'DOCKER';
      image: string;
      network?: 'HOST' | 'BRIDGE' | 'NONE' | 'USER';
      portMappings?: PortMapping[];
      privileged?: boolean;
      forcePullImage?: boolean;
      /** `docker run` options, e.g. `{ 'memory-swap': '1g' }`. */
      parameters?: Record<string, string>;
    };

function checkImage(image: unknown, where: string): string {
  if (typeof image !== 'string' || image === '') {
    throw new InvalidArgumentError(where, 'expected an image name, e.g. "nginx:1.27"');
  }
  return image;
}

function checkPort(port: unknown, where: string): number {
  if (typeof port !== 'number' || !Number.isInteger(port) || port < 1 || port > 65535) {
    throw new InvalidArgumentError(
      where,
      `must be an integer from 1 to 65535, got ${String(port)}`,
    );
  }
  return port;
}

/** A ContainerInfo for taskInfo({ container }). */
export function containerInfo(fields: ContainerFields): Input<ContainerInfo> {
  if (fields.type === 'MESOS') {
    if (fields.image === undefined) return { type: 'MESOS' };
    return {
      type: 'MESOS',
      mesos: {
        image: {
          type: 'DOCKER',
          docker: { name: checkImage(fields.image, 'containerInfo.image') },
          // Mesos's `cached: false` is Docker's force pull.
          ...(fields.forcePullImage ? { cached: false } : {}),
        },
      },
    };
  }
  if (fields.type !== 'DOCKER') {
    throw new InvalidArgumentError(
      'containerInfo.type',
      `expected 'MESOS' or 'DOCKER', got ${JSON.stringify((fields as { type: unknown }).type)}`,
    );
  }
  const portMappings = (fields.portMappings ?? []).map((mapping, i) => ({
    hostPort: checkPort(mapping.hostPort, `containerInfo.portMappings[${i}].hostPort`),
    containerPort: checkPort(
      mapping.containerPort,
      `containerInfo.portMappings[${i}].containerPort`,
    ),
    ...(mapping.protocol !== undefined ? { protocol: mapping.protocol } : {}),
  }));
  const network = fields.network ?? 'HOST';
  if (portMappings.length > 0 && (network === 'HOST' || network === 'NONE')) {
    // The agent refuses them ("Port mappings are only supported for bridge and
    // user-defined networks"), failing the task.
    throw new InvalidArgumentError(
      'containerInfo.portMappings',
      `port mappings need the BRIDGE or a USER network, not ${network}`,
    );
  }
  return {
    type: 'DOCKER',
    docker: {
      image: checkImage(fields.image, 'containerInfo.image'),
      ...(fields.network !== undefined ? { network: fields.network } : {}),
      ...(portMappings.length > 0 ? { portMappings } : {}),
      ...(fields.privileged !== undefined ? { privileged: fields.privileged } : {}),
      ...(fields.forcePullImage !== undefined ? { forcePullImage: fields.forcePullImage } : {}),
      ...(fields.parameters
        ? {
            parameters: Object.entries(fields.parameters).map(([key, value]) => ({ key, value })),
          }
        : {}),
    },
  };
}
