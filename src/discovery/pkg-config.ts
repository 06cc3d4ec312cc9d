import { spawnSync } from 'child_process';
import * as path from 'path';
import { isFile } from './files';

export type PkgConfigAnswer =
  | { absent: true }
  | { error: string }
  | {
      prefix: string;
      includeDir?: string;
      libraryDir?: string;
      includeFlags: string[];
      otherFlags: string[];
    };

function query(args: string[], env: NodeJS.ProcessEnv) {
  return spawnSync('pkg-config', args, { env, encoding: 'utf8', timeout: 10000 });
}

/** A mesos.pc that pkg-config would look at, to tell a broken file from a missing one. */
function mesosPcInSearchPath(env: NodeJS.ProcessEnv): string | undefined {
  const defaults =
    env.PKG_CONFIG_LIBDIR ?? query(['--variable=pc_path', 'pkg-config'], env).stdout ?? '';
  const dirs = [
    ...(env.PKG_CONFIG_PATH ?? '').split(path.delimiter),
    ...defaults.trim().split(path.delimiter),
  ];
  return dirs
    .filter(Boolean)
    .map((dir) => path.join(dir, 'mesos.pc'))
    .find(isFile);
}

/** Asks pkg-config about the `mesos` package; absent when pkg-config or the package is missing. */
export function askPkgConfig(env: NodeJS.ProcessEnv): PkgConfigAnswer {
  const exists = query(['--exists', 'mesos'], env);
  if (exists.error || exists.status === null) return { absent: true };
  if (exists.status !== 0) {
    const why = query(['--print-errors', '--exists', 'mesos'], env).stderr?.trim() ?? '';
    const file = mesosPcInSearchPath(env);
    if (!file) return { absent: true };
    return { error: `pkg-config cannot read ${file}: ${why.split('\n')[0] || 'rejected'}` };
  }
  const cflags = query(['--cflags', 'mesos'], env);
  const prefix = query(['--variable=prefix', 'mesos'], env);
  if (cflags.status !== 0 || prefix.status !== 0 || !prefix.stdout.trim()) {
    return { error: `pkg-config cannot read mesos.pc: ${(cflags.stderr || prefix.stderr).trim()}` };
  }
  const flags = cflags.stdout.trim().split(/\s+/).filter(Boolean);
  const variable = (name: string) => query([`--variable=${name}`, 'mesos'], env).stdout?.trim();
  return {
    prefix: prefix.stdout.trim(),
    includeDir: variable('includedir') || undefined,
    libraryDir: variable('libdir') || undefined,
    includeFlags: flags.filter((flag) => flag.startsWith('-I')).map((flag) => flag.slice(2)),
    otherFlags: flags.filter((flag) => !flag.startsWith('-I')),
  };
}
