import type { ServiceScheduler } from 'mesos-napi/services';
import { webService } from './definition';

export const COMMANDS = `commands (one per line):
  update VERSION   roll the servers to a new version, one at a time
  scale N          run N servers
  status           the instances and the update in progress
  quit             stop the framework (its tasks end)`;

/** Runs one command line against the service; resolves with what to print. */
export async function runCommand(service: ServiceScheduler, line: string): Promise<string> {
  const [command, argument, ...rest] = line.trim().split(/\s+/);
  if (rest.length > 0) throw new Error(`too many words\n${COMMANDS}`);
  const instances = () => service.status().pods[0]?.instances ?? 3;
  if (command === 'update' && argument) {
    const deployment = await service.update(webService(argument, instances()));
    return deployment
      ? `update ${deployment.id} to version ${argument} started`
      : `nothing to replace: version ${argument} already runs`;
  }
  if (command === 'scale' && argument) {
    const count = Number(argument);
    if (!Number.isInteger(count) || count < 0)
      throw new Error(`scale: '${argument}' is not a count`);
    await service.scale('web', count);
    return `scaling to ${count}`;
  }
  if (command === 'status' && argument === undefined) return describe(service);
  throw new Error(`unknown command '${line.trim()}'\n${COMMANDS}`);
}

/** One line per instance, and the update's state. */
export function describe(service: ServiceScheduler): string {
  const status = service.status();
  const lines = status.pods.flatMap((pod) =>
    pod.instanceList.map(
      (i) =>
        `  ${i.id} v${i.version} ${i.state ?? 'waiting'}${i.healthy ? ' healthy' : ''}` +
        `${i.hostname ? ` on ${i.hostname}:${i.ports?.[0]}` : ''}${i.waitingFor ? ` (${i.waitingFor})` : ''}`,
    ),
  );
  const deployment = status.deployment;
  if (deployment) {
    lines.push(
      `  update ${deployment.id} (version ${deployment.version}): ${deployment.state}` +
        `${deployment.reason ? `: ${deployment.reason}` : ''}`,
    );
  }
  return lines.join('\n');
}
