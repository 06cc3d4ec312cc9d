import { parseArgs } from 'util';
import { startLocalCluster, DEFAULT_AGENT_RESOURCES } from '../cluster';
import { parseZooKeeperUrl } from '../ha/zookeeper-url';

export const CLUSTER_USAGE = `usage: mesos-napi cluster [--ip 127.0.0.1] [--port N] [--agent-port N] [--resources R] [--zk zk://host:port/path]

Starts mesos-master and one mesos-agent on loopback in a temporary work directory, prints
the master address and web UI, and stops both (removing what it made) on Ctrl-C.
  --resources  the agent's resources (default ${DEFAULT_AGENT_RESOURCES})
  --zk         a ZooKeeper for the master to register in (its URL is then the master address)`;

export async function cluster(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      ip: { type: 'string', default: '127.0.0.1' },
      port: { type: 'string' },
      'agent-port': { type: 'string' },
      resources: { type: 'string' },
      zk: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    console.log(CLUSTER_USAGE);
    return 0;
  }
  const port = (name: string, value: string | undefined): number | undefined => {
    if (value === undefined) return undefined;
    const number = Number(value);
    if (!Number.isInteger(number) || number < 1 || number > 65535) {
      throw new Error(`--${name} must be a port number (1-65535), got '${value}'`);
    }
    return number;
  };
  const local = await startLocalCluster({
    ip: values.ip,
    masterPort: port('port', values.port),
    agentPort: port('agent-port', values['agent-port']),
    resources: values.resources,
    ...(values.zk !== undefined ? { zk: checkZk(values.zk) } : {}),
  });
  console.log(`Mesos master: ${local.master}`);
  console.log(`Web UI:       ${local.webUi}`);
  console.log(`Agent:        ${local.agentId}`);
  console.log(`Work dir:     ${local.workDir}`);
  console.log('Press Ctrl-C to stop.');
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  console.log('Stopping the cluster...');
  await local.stop();
  return 0;
}

function checkZk(url: string): string {
  parseZooKeeperUrl(url, '--zk');
  return url;
}
