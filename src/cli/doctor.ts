import { builtAgainst, describeDiscovery, findMesos } from '../discovery';
import { loadBinding } from '../native/load';

export function doctor(): number {
  const discovery = findMesos();
  console.log(describeDiscovery(discovery));
  const built = builtAgainst();
  console.log(
    built
      ? `Addon built against Mesos ${built.version} at ${built.prefix}`
      : 'Addon not built (run `npx mesos-napi build` once Mesos is found)',
  );
  try {
    const binding = loadBinding();
    console.log(`Addon loads: Mesos ${binding.mesosVersion}, protobuf ${binding.protobufVersion}`);
    return 0;
  } catch (error) {
    console.log((error as Error).message);
    return 1;
  }
}
