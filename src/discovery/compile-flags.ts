import * as path from 'path';
import { isFile } from './files';
import type { MesosInstall } from './types';

const SYSTEM_INCLUDE_DIRS = ['/usr/local/include', '/usr/include'];

/**
 * The directory holding the ZooKeeper C client's zookeeper.h, which libmesos's
 * mesos/zookeeper headers include (`#include <zookeeper.h>`): in the include directories
 * or a `zookeeper/` under them, then the system's (Debian's libzookeeper-mt-dev).
 */
export function findZooKeeperHeaders(includeDirs: string[]): string | undefined {
  for (const dir of [...includeDirs, ...SYSTEM_INCLUDE_DIRS]) {
    for (const candidate of [dir, path.join(dir, 'zookeeper')]) {
      if (isFile(path.join(candidate, 'zookeeper.h'))) return candidate;
    }
  }
  return undefined;
}

/**
 * The include directories and compile flags the addon is built with: Mesos's, and the
 * ZooKeeper C client's headers for leader election; without them the addon is built
 * without leader election (MESOS_NAPI_WITHOUT_ZOOKEEPER).
 */
export function compileFlags(install: MesosInstall): { includeDirs: string[]; cflags: string[] } {
  const zookeeper = install.zookeeperIncludeDir;
  if (!zookeeper) {
    return {
      includeDirs: install.includeDirs,
      cflags: [...install.cflags, '-DMESOS_NAPI_WITHOUT_ZOOKEEPER'],
    };
  }
  const includeDirs = install.includeDirs.includes(zookeeper)
    ? install.includeDirs
    : [...install.includeDirs, zookeeper];
  return { includeDirs, cflags: install.cflags };
}
