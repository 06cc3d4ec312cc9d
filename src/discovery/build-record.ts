import * as fs from 'fs';
import * as path from 'path';
import { readText } from './files';
import type { MesosInstall } from './types';

/** Where the native build records which Mesos it compiled against. */
export const BUILD_RECORD = path.resolve(__dirname, '..', '..', 'build', 'mesos-napi-build.json');

export function writeBuildRecord(install: MesosInstall, file = BUILD_RECORD): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, JSON.stringify(install, null, 2) + '\n');
}

/** The Mesos the addon was built against, if it was built. */
export function builtAgainst(file = BUILD_RECORD): MesosInstall | undefined {
  const text = readText(file);
  if (text === undefined) return undefined;
  try {
    return JSON.parse(text) as MesosInstall;
  } catch {
    return undefined;
  }
}
