import { parseArgs } from 'util';
import { parsing } from './usage-error';

export const VERSION_USAGE = `usage: mesos-napi version   (or mesos-napi --version)

Prints this package's version.`;

export function printVersion(argv: string[]): number {
  const { values } = parsing(() =>
    parseArgs({
      args: argv,
      options: { help: { type: 'boolean', short: 'h' } },
      strict: true,
      allowPositionals: false,
    }),
  );
  if (values.help) {
    console.log(VERSION_USAGE);
    return 0;
  }
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  console.log((require('../../package.json') as { version: string }).version);
  return 0;
}
