#!/usr/bin/env node
import { cluster } from './cluster';
import { doctor } from './doctor';

const USAGE = `usage: mesos-napi <command>

commands:
  doctor [--json]  show which Mesos was found, by which rule, why others were passed
                   over, and whether the addon is built and loads (--json: as JSON)
  build            build the native addon against the Mesos found
  cluster          run a local mesos-master and mesos-agent on 127.0.0.1 until Ctrl-C
  --version        print this package's version`;

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'doctor':
      return doctor({ json: rest.includes('--json') });
    case '--version':
    case '-v':
    case 'version':
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      console.log((require('../../package.json') as { version: string }).version);
      return 0;
    case 'build':
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      return require('../../scripts/build-native').buildNative({ force: true });
    case 'cluster':
      return cluster(rest);
    case undefined:
    case 'help':
    case '--help':
    case '-h':
      console.log(USAGE);
      return 0;
    default:
      console.error(`mesos-napi: unknown command '${command}'\n${USAGE}`);
      return 2;
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: Error) => {
    console.error(`mesos-napi: ${error.message}`);
    process.exitCode = 1;
  },
);
