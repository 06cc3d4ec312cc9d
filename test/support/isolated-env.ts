import * as path from 'path';
import { tempDir } from './fake-mesos';

/** A process environment in which discovery finds no Mesos at all. */
export function envWithoutMesos(): NodeJS.ProcessEnv {
  const empty = tempDir('no-mesos');
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const name of ['MESOS_HOME', 'MESOS_NATIVE_JAVA_LIBRARY', 'MESOS_NATIVE_LIBRARY']) {
    delete env[name];
  }
  env.PKG_CONFIG_PATH = empty;
  env.PKG_CONFIG_LIBDIR = empty;
  env.MESOS_NAPI_SEARCH_PREFIXES = '';
  env.PATH = (process.env.PATH ?? '')
    .split(path.delimiter)
    .filter((dir) => !/mesos/.test(dir))
    .join(path.delimiter);
  return env;
}
