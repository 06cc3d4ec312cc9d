import { printedHelp } from './usage-error';

export const BUILD_USAGE = `usage: mesos-napi build

Builds the native addon against the Mesos found now (see \`mesos-napi doctor\`) and records
which one in build/mesos-napi-build.json. Exits 1 when no Mesos is found or the build fails.`;

export function build(argv: string[]): number {
  if (printedHelp(argv, BUILD_USAGE)) return 0;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { buildNative } = require('../../scripts/build-native') as {
    buildNative: (options: { force: boolean }) => number;
  };
  return buildNative({ force: true });
}
