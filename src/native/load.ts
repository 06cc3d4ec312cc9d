import bindings from 'bindings';
import { builtAgainst, findMesos } from '../discovery';
import { attachLogging } from '../logging/logging';
import { addonNotFound } from './addon-error';
import type { NativeBinding } from './binding';

let override: NativeBinding | undefined;
let loaded: NativeBinding | undefined;

/** Tests hand in a stand-in binding; undefined goes back to the compiled addon. */
export function useBinding(binding: NativeBinding | undefined): void {
  override = binding;
}

/** The compiled addon, loaded once; throws AddonNotFoundError listing possible solutions. */
export function loadBinding(): NativeBinding {
  if (override) return override;
  if (!loaded) {
    let binding: NativeBinding;
    try {
      binding = bindings('mesos_napi') as NativeBinding;
    } catch (cause) {
      throw addonNotFound(cause, findMesos(), builtAgainst());
    }
    // Throws on a MESOS_NAPI_LOG_LEVEL it does not know, here and at every later load.
    attachLogging(binding);
    loaded = binding;
    // process.exit() skips the environment cleanup that stops live drivers; libmesos's
    // threads would then run on while the process exits under them.
    process.once('exit', () => binding.teardownDrivers());
  }
  return loaded;
}

/**
 * Runs fn with `binding` in place of the addon: drivers constructed inside fn use it (they
 * take their binding in the constructor). The simulated cluster (src/testing) builds its
 * drivers this way, so that it never loads the addon.
 */
export function withBinding<T>(binding: NativeBinding, fn: () => T): T {
  const saved = override;
  override = binding;
  try {
    return fn();
  } finally {
    override = saved;
  }
}
