import { parseArgs } from 'util';
import { builtAgainst, describeDiscovery, findMesos } from '../discovery';
import { loadBinding } from '../native/load';
import { formatError, codeOf } from './report-error';
import { parsing } from './usage-error';

export const DOCTOR_USAGE = `usage: mesos-napi doctor [--json]

Shows which Mesos was found, by which rule, why others were passed over, and whether the
addon is built and loads. Exits 0 when the addon loads, 1 otherwise.
  --json  the same as JSON: ok, code and solutions (null and [] when ok), discovery, built, loads`;

/** What doctor found; printed as text, or as this object with --json. */
function examine() {
  const discovery = findMesos();
  const built = builtAgainst();
  try {
    const binding = loadBinding();
    return {
      ok: true,
      code: null,
      solutions: [] as string[],
      discovery,
      built: built ?? null,
      loads: { mesosVersion: binding.mesosVersion, protobufVersion: binding.protobufVersion },
    };
  } catch (error) {
    const solutions = (error as { solutions?: unknown }).solutions;
    return {
      ok: false,
      code: codeOf(error),
      solutions: Array.isArray(solutions) ? (solutions as string[]) : [],
      discovery,
      built: built ?? null,
      // The message's first line: the solutions are in their own field.
      loads: { error: (error as Error).message.split('\n')[0] },
      failure: error,
    };
  }
}

export function doctor(argv: string[]): number {
  const { values } = parsing(() =>
    parseArgs({
      args: argv,
      options: { json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
      strict: true,
      allowPositionals: false,
    }),
  );
  if (values.help) {
    console.log(DOCTOR_USAGE);
    return 0;
  }
  const { failure, ...found } = examine();
  if (values.json) {
    console.log(JSON.stringify(found, null, 2));
    return found.ok ? 0 : 1;
  }
  console.log(describeDiscovery(found.discovery));
  console.log(
    found.built
      ? `Addon built against Mesos ${found.built.version} at ${found.built.prefix}`
      : 'Addon not built (run `npx mesos-napi build` once Mesos is found)',
  );
  if (!('mesosVersion' in found.loads)) {
    console.error(formatError('mesos-napi doctor', failure));
    return 1;
  }
  console.log(
    `Addon loads: Mesos ${found.loads.mesosVersion}, protobuf ${found.loads.protobufVersion}`,
  );
  return 0;
}
