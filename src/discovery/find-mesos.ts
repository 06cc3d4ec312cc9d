import * as fs from 'fs';
import * as path from 'path';
import { isFile } from './files';
import { inspectPrefix, type Inspection, type PrefixHints } from './inspect-prefix';
import { askPkgConfig } from './pkg-config';
import type { Discovery, DiscoveryOptions, DiscoveryRule, Rejection } from './types';

export const DEFAULT_PREFIXES = ['/usr/local', '/usr', '/opt/mesos'];

interface Candidate {
  rule: DiscoveryRule;
  describe: string;
  inspect(): Inspection;
}

function prefixOfLibrary(library: string): string {
  let dir = path.dirname(library);
  if (path.basename(dir) === 'x86_64-linux-gnu' || path.basename(dir) === 'aarch64-linux-gnu') {
    dir = path.dirname(dir);
  }
  return path.dirname(dir);
}

function libraryVariable(rule: DiscoveryRule, value: string): Candidate {
  return {
    rule,
    describe: `${rule}=${value}`,
    inspect: () =>
      isFile(value)
        ? inspectPrefix(rule, prefixOfLibrary(value), { library: value })
        : { reason: `${value} is not a file (it should name libmesos.so)` },
  };
}

function onPath(env: NodeJS.ProcessEnv): string | undefined {
  for (const dir of (env.PATH ?? '').split(path.delimiter).filter(Boolean)) {
    const file = path.join(dir, 'mesos-master');
    if (isFile(file)) return fs.realpathSync(file);
  }
  return undefined;
}

function candidates(env: NodeJS.ProcessEnv, fallbackPrefixes: string[]): Candidate[] {
  const list: Candidate[] = [];
  if (env.MESOS_HOME) {
    const home = env.MESOS_HOME;
    list.push({
      rule: 'MESOS_HOME',
      describe: `MESOS_HOME=${home}`,
      inspect: () => inspectPrefix('MESOS_HOME', home),
    });
  }
  for (const rule of ['MESOS_NATIVE_JAVA_LIBRARY', 'MESOS_NATIVE_LIBRARY'] as const) {
    const value = env[rule];
    if (value) list.push(libraryVariable(rule, value));
  }
  list.push({
    rule: 'pkg-config',
    describe: 'pkg-config mesos',
    inspect: () => {
      const answer = askPkgConfig(env);
      if ('absent' in answer) return { reason: 'pkg-config has no mesos package' };
      if ('error' in answer) return { reason: answer.error };
      const hints: PrefixHints = {
        includeDir: answer.includeDir,
        libraryDir: answer.libraryDir,
        cflags: answer.otherFlags,
        extraIncludeDirs: answer.includeFlags.filter((dir) => dir !== answer.includeDir),
      };
      return inspectPrefix('pkg-config', answer.prefix, hints);
    },
  });
  list.push({
    rule: 'PATH',
    describe: 'mesos-master on PATH',
    inspect: () => {
      const master = onPath(env);
      if (!master) return { reason: 'no mesos-master on PATH' };
      return inspectPrefix('PATH', path.dirname(path.dirname(master)));
    },
  });
  for (const prefix of fallbackPrefixes) {
    list.push({
      rule: 'default-prefix',
      describe: prefix,
      inspect: () => inspectPrefix('default-prefix', prefix),
    });
  }
  return list;
}

/**
 * Finds the installed Mesos the way the JVM binding does: MESOS_HOME, then
 * MESOS_NATIVE_JAVA_LIBRARY and MESOS_NATIVE_LIBRARY, then pkg-config, then
 * mesos-master on PATH, then the usual prefixes (MESOS_NAPI_SEARCH_PREFIXES replaces them). The first usable one wins; every
 * candidate tried before it is reported with the reason it was passed over.
 */
export function findMesos(options: DiscoveryOptions = {}): Discovery {
  const env = options.env ?? process.env;
  const rejected: Rejection[] = [];
  const fallbackPrefixes =
    options.fallbackPrefixes ??
    (env.MESOS_NAPI_SEARCH_PREFIXES !== undefined
      ? env.MESOS_NAPI_SEARCH_PREFIXES.split(path.delimiter).filter(Boolean)
      : DEFAULT_PREFIXES);
  for (const candidate of candidates(env, fallbackPrefixes)) {
    const inspection = candidate.inspect();
    if ('install' in inspection) return { install: inspection.install, rejected };
    rejected.push({
      rule: candidate.rule,
      candidate: candidate.describe,
      reason: inspection.reason,
    });
  }
  return { rejected };
}
