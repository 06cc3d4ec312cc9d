#!/usr/bin/env node
import { doctor } from './doctor';

const USAGE = `usage: mesos-napi <command>

commands:
  doctor   show which Mesos was found, by which rule, why others were passed over,
           and whether the addon is built and loads
  build    build the native addon against the Mesos found`;

function main(argv: string[]): number {
  const [command] = argv;
  switch (command) {
    case 'doctor':
      return doctor();
    case 'build':
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      return require('../../scripts/build-native').buildNative({ force: true });
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

process.exitCode = main(process.argv.slice(2));
