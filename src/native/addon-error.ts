import type { Discovery, MesosInstall } from '../discovery/types';
import { AddonNotFoundError } from '../errors';

function loaderMessage(cause: unknown): string {
  const text = cause instanceof Error ? cause.message : String(cause);
  // The bindings package's first line ends in "Tried:", before the paths it lists.
  return text.split('\n')[0].replace(/\s*Tried:\s*$/, '');
}

/** Explains why the addon did not load, from what discovery sees now. */
export function addonNotFound(
  cause: unknown,
  discovery: Discovery,
  built: MesosInstall | undefined,
): AddonNotFoundError {
  const doctor = 'Run `npx mesos-napi doctor` to see what was found and why.';
  const reason = loaderMessage(cause);
  // The loader's own error lists every path it tried; doctor says the same, shorter.
  cause = new Error(reason);
  if (!discovery.install && !built) {
    return new AddonNotFoundError(
      'mesos-napi: the native addon is not built, and no Mesos installation was found.',
      [
        'Install Mesos (libmesos.so and its headers): build it from source into /opt/mesos, where it is found without settings ("Getting Mesos" in the docs says how).',
        'Point at it with MESOS_HOME=<prefix>, MESOS_NATIVE_JAVA_LIBRARY=<path to libmesos.so>, or PKG_CONFIG_PATH=<dir holding mesos.pc>.',
        'Then build the addon: `npx mesos-napi build`.',
        doctor,
      ],
      cause,
    );
  }
  if (!built) {
    return new AddonNotFoundError(
      `mesos-napi: the native addon is not built (Mesos ${discovery.install?.version} is at ${discovery.install?.prefix}).`,
      ['Build it: `npx mesos-napi build` (or `npm rebuild mesos-napi`).', doctor],
      cause,
    );
  }
  return new AddonNotFoundError(
    `mesos-napi: the native addon (built against Mesos ${built.version} at ${built.prefix}) failed to load: ${reason}`,
    [
      `Check that ${built.library} still exists; if Mesos moved or was upgraded, rebuild: \`npx mesos-napi build\`.`,
      doctor,
    ],
    cause,
  );
}
