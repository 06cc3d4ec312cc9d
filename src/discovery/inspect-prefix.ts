import * as path from 'path';
import { isDirectory, isFile, readText } from './files';
import { checkProtobuf } from './protobuf-check';
import type { DiscoveryRule, MesosInstall } from './types';

const LIBRARY_SUBDIRS = ['lib', 'lib64', path.join('lib', 'x86_64-linux-gnu')];
const LIBRARY_NAMES = ['libmesos.so', 'libmesos.dylib'];

export interface PrefixHints {
  library?: string;
  includeDir?: string;
  libraryDir?: string;
  cflags?: string[];
  extraIncludeDirs?: string[];
}

export type Inspection = { install: MesosInstall } | { reason: string };

export function findLibrary(libraryDirs: string[]): string | undefined {
  for (const dir of libraryDirs) {
    for (const name of LIBRARY_NAMES) {
      const file = path.join(dir, name);
      if (isFile(file)) return file;
    }
  }
  return undefined;
}

export function mesosVersionFrom(includeDir: string): string | undefined {
  const header = readText(path.join(includeDir, 'mesos', 'version.hpp'));
  const match = header && /#define MESOS_VERSION "([^"]+)"/.exec(header);
  return match ? match[1] : undefined;
}

/** Where <zookeeper.h> resolves from: an include directory itself, or its zookeeper/. */
export function findZooKeeperIncludeDir(includeDirs: string[]): string | undefined {
  const dirs = [...includeDirs, '/usr/local/include', '/usr/include'];
  if (dirs.some((dir) => isFile(path.join(dir, 'zookeeper.h')))) return undefined;
  return dirs
    .map((dir) => path.join(dir, 'zookeeper'))
    .find((dir) => isFile(path.join(dir, 'zookeeper.h')));
}

function firstFile(candidates: string[]): string | undefined {
  return candidates.find(isFile);
}

/** Checks that a prefix holds a usable libmesos with its headers, and describes it. */
export function inspectPrefix(
  rule: DiscoveryRule,
  prefix: string,
  hints: PrefixHints = {},
): Inspection {
  if (!isDirectory(prefix)) return { reason: `${prefix} is not a directory` };

  const libraryDirs = hints.libraryDir
    ? [hints.libraryDir]
    : LIBRARY_SUBDIRS.map((sub) => path.join(prefix, sub));
  const library = hints.library ?? findLibrary(libraryDirs);
  if (!library) return { reason: `no libmesos.so in ${libraryDirs.join(' or ')}` };
  if (!isFile(library)) return { reason: `${library} does not exist` };

  const includeDir = hints.includeDir ?? path.join(prefix, 'include');
  if (!isFile(path.join(includeDir, 'mesos', 'scheduler.hpp'))) {
    return {
      reason: `libmesos found (${library}) but not its headers (${path.join(includeDir, 'mesos', 'scheduler.hpp')})`,
    };
  }
  const version = mesosVersionFrom(includeDir);
  if (!version) return { reason: `cannot read MESOS_VERSION from ${includeDir}/mesos/version.hpp` };

  const libraryDir = path.dirname(library);
  const moduleIncludeDir = path.join(libraryDir, 'mesos', '3rdparty', 'include');
  const includeDirs = [includeDir, ...(hints.extraIncludeDirs ?? [])];
  if (isDirectory(moduleIncludeDir) && !includeDirs.includes(moduleIncludeDir)) {
    includeDirs.push(moduleIncludeDir);
  }

  const sbin = [path.join(prefix, 'sbin'), path.join(prefix, 'bin')];
  return {
    install: {
      rule,
      prefix,
      version,
      includeDir,
      includeDirs,
      libraryDir,
      library,
      cflags: hints.cflags ?? ['-D__STDC_FORMAT_MACROS'],
      protoRoot: isFile(path.join(includeDir, 'mesos', 'mesos.proto')) ? includeDir : undefined,
      master: firstFile(sbin.map((dir) => path.join(dir, 'mesos-master'))),
      agent: firstFile(sbin.map((dir) => path.join(dir, 'mesos-agent'))),
      protobuf: checkProtobuf(includeDirs, includeDir),
      zookeeperIncludeDir: findZooKeeperIncludeDir(includeDirs),
    },
  };
}
