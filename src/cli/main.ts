#!/usr/bin/env node
import { build, BUILD_USAGE } from './build';
import { cluster, CLUSTER_USAGE } from './cluster';
import { doctor, DOCTOR_USAGE } from './doctor';
import { formatError } from './report-error';
import { UsageError } from './usage-error';
import { printVersion, VERSION_USAGE } from './version';

const USAGE = `usage: mesos-napi <command> [options]   (mesos-napi <command> --help for its options)

commands:
  doctor [--json]  show which Mesos was found, by which rule, why others were passed
                   over, and whether the addon is built and loads (--json: as JSON)
  build            build the native addon against the Mesos found
  cluster          run a local mesos-master and mesos-agent on 127.0.0.1 until Ctrl-C
  version          print this package's version (also --version)
  help [command]   print this, or a command's usage`;

/** Each command parses its own arguments (strict util.parseArgs, --help never acts). */
const COMMANDS: Record<
  string,
  { usage: string; run: (argv: string[]) => number | Promise<number> }
> = {
  doctor: { usage: DOCTOR_USAGE, run: doctor },
  build: { usage: BUILD_USAGE, run: build },
  cluster: { usage: CLUSTER_USAGE, run: cluster },
  version: { usage: VERSION_USAGE, run: printVersion },
};

async function main(argv: string[]): Promise<number> {
  const [first, ...rest] = argv;
  let name = 'mesos-napi';
  try {
    switch (first) {
      case '--help':
      case '-h':
        if (rest.length > 0)
          throw new UsageError(`${first} takes no arguments`, 'MESOS_NAPI_USAGE');
        console.log(USAGE);
        return 0;
      case '--version':
      case '-v':
        return printVersion(rest);
      case 'help':
        return help(rest);
      case undefined:
        throw new UsageError('no command given', 'MESOS_NAPI_USAGE');
    }
    const command = Object.hasOwn(COMMANDS, first) ? COMMANDS[first] : undefined;
    if (!command) {
      throw new UsageError(
        first.startsWith('-') ? `unknown option '${first}'` : `unknown command '${first}'`,
        first.startsWith('-') ? 'ERR_PARSE_ARGS_UNKNOWN_OPTION' : 'MESOS_NAPI_UNKNOWN_COMMAND',
      );
    }
    name = `mesos-napi ${first}`;
    return await command.run(rest);
  } catch (error) {
    console.error(formatError(name, error));
    if (!(error instanceof UsageError)) return 1;
    const usage = name === 'mesos-napi' ? USAGE : COMMANDS[first!].usage;
    console.error(`\n${usage}`);
    return 2;
  }
}

function help(argv: string[]): number {
  if (argv.length === 0) {
    console.log(USAGE);
    return 0;
  }
  const command =
    argv.length === 1 && Object.hasOwn(COMMANDS, argv[0]) ? COMMANDS[argv[0]] : undefined;
  if (!command)
    throw new UsageError(`no command '${argv.join(' ')}'`, 'MESOS_NAPI_UNKNOWN_COMMAND');
  console.log(command.usage);
  return 0;
}

void main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
