import { printedHelp } from './usage-error';

export const VERSION_USAGE = `usage: mesos-napi version   (or mesos-napi --version)

Prints this package's version.`;

export function printVersion(argv: string[]): number {
  if (printedHelp(argv, VERSION_USAGE)) return 0;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  console.log((require('../../package.json') as { version: string }).version);
  return 0;
}
