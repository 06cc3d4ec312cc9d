import { builtAgainst, describeDiscovery, findMesos } from '../discovery';
import { loadBinding } from '../native/load';

/** What doctor found; printed as text, or as this object with --json. */
function examine() {
  const discovery = findMesos();
  const built = builtAgainst();
  let loads: { mesosVersion: string; protobufVersion: string } | { error: string };
  try {
    const binding = loadBinding();
    loads = { mesosVersion: binding.mesosVersion, protobufVersion: binding.protobufVersion };
  } catch (error) {
    loads = { error: (error as Error).message };
  }
  return { discovery, built: built ?? null, loads };
}

export function doctor({ json = false }: { json?: boolean } = {}): number {
  const found = examine();
  const ok = !('error' in found.loads);
  if (json) {
    console.log(JSON.stringify({ ok, ...found }, null, 2));
    return ok ? 0 : 1;
  }
  console.log(describeDiscovery(found.discovery));
  console.log(
    found.built
      ? `Addon built against Mesos ${found.built.version} at ${found.built.prefix}`
      : 'Addon not built (run `npx mesos-napi build` once Mesos is found)',
  );
  if ('error' in found.loads) {
    console.error(found.loads.error);
    return 1;
  }
  console.log(
    `Addon loads: Mesos ${found.loads.mesosVersion}, protobuf ${found.loads.protobufVersion}`,
  );
  return 0;
}
