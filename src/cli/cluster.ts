import * as path from 'path';
import { parseArgs } from 'util';
import { startLocalCluster, DEFAULT_AGENT_RESOURCES } from '../cluster';
import { InvalidArgumentError } from '../errors';
import { parseZooKeeperUrl } from '../ha/zookeeper-url';
import { followLog } from './follow-log';
import { formatError } from './report-error';
import { parsing } from './usage-error';

const MAX_AGENTS = 16;

export const CLUSTER_USAGE = `usage: mesos-napi cluster [--ip 127.0.0.1] [--port N] [--agent-port N] [--resources R] [--agents N] [--zk zk://host:port/path] [--verbose]

Starts mesos-master and one mesos-agent on loopback in a temporary work directory, prints
the master address and web UI, and stops both (removing what it made) on Ctrl-C.
  --resources  the agent's resources (default ${DEFAULT_AGENT_RESOURCES})
  --agents     how many agents (1-${MAX_AGENTS}, default 1); the second and later report the
               hostnames agent-2, agent-3, ... (for placement across hosts) and each gets
               its own ports range
  --zk         a ZooKeeper for the master to register in (its URL is then the master address)
  --verbose    also print the master's and the agent's log (libmesos's lines) as they write it`;

/** The parsed options of `mesos-napi cluster`. */
export interface ClusterOptions {
  ip: string;
  masterPort?: number;
  agentPort?: number;
  resources?: string;
  agents: number;
  zk?: string;
  verbose: boolean;
}

/** Parses `cluster`'s arguments; undefined for --help. Throws a UsageError. */
export function parseClusterArgs(argv: string[]): ClusterOptions | undefined {
  return parsing(() => {
    const { values } = parseArgs({
      args: argv,
      options: {
        ip: { type: 'string', default: '127.0.0.1' },
        port: { type: 'string' },
        'agent-port': { type: 'string' },
        resources: { type: 'string' },
        agents: { type: 'string', default: '1' },
        zk: { type: 'string' },
        verbose: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: false,
    });
    if (values.help) return undefined;
    if (values.zk !== undefined) parseZooKeeperUrl(values.zk, '--zk');
    return {
      ip: values.ip,
      masterPort: port('--port', values.port),
      agentPort: port('--agent-port', values['agent-port']),
      resources: values.resources,
      agents: agentCount(values.agents),
      zk: values.zk,
      verbose: values.verbose,
    };
  });
}

function port(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const number = Number(value);
  if (!Number.isInteger(number) || number < 1 || number > 65535) {
    throw new InvalidArgumentError(name, `must be a port number (1-65535), got '${value}'`);
  }
  return number;
}

function agentCount(value: string): number {
  const number = Number(value);
  if (!Number.isInteger(number) || number < 1 || number > MAX_AGENTS) {
    throw new InvalidArgumentError(
      '--agents',
      `must be a whole number from 1 to ${MAX_AGENTS}, got '${value}'`,
    );
  }
  return number;
}

export async function cluster(argv: string[]): Promise<number> {
  const options = parseClusterArgs(argv);
  if (!options) {
    console.log(CLUSTER_USAGE);
    return 0;
  }
  let local;
  try {
    local = await startLocalCluster({
      ip: options.ip,
      masterPort: options.masterPort,
      agentPort: options.agentPort,
      resources: options.resources,
      ...(options.zk !== undefined ? { zk: options.zk } : {}),
    });
  } catch (error) {
    console.error(formatError('mesos-napi cluster', error, options.verbose));
    return 1;
  }
  const agents = [`${local.agentId} (${options.ip})`];
  try {
    for (let n = 2; n <= options.agents; n++) {
      const hostname = `agent-${n}`;
      agents.push(`${await local.addAgent({ hostname })} (${hostname})`);
    }
  } catch (error) {
    await local.stop();
    console.error(formatError('mesos-napi cluster', error, options.verbose));
    return 1;
  }
  console.log(`Mesos master: ${local.master}`);
  console.log(`Web UI:       ${local.webUi}`);
  for (const agent of agents) console.log(`Agent:        ${agent}`);
  console.log(`Work dir:     ${local.workDir}`);
  const stopFollowing = options.verbose
    ? [
        followLog(path.join(local.workDir, 'master.log'), 'master| ', (l) => console.error(l)),
        followLog(path.join(local.workDir, 'agent.log'), 'agent| ', (l) => console.error(l)),
      ]
    : [];
  // Listening before saying so: a Ctrl-C right after the line would otherwise kill the process.
  const stopRequested = new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  console.log('Press Ctrl-C to stop.');
  await stopRequested;
  console.log('Stopping the cluster...');
  for (const stop of stopFollowing) stop();
  await local.stop();
  return 0;
}
