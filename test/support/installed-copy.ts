import * as fs from 'fs';
import * as path from 'path';
import { tempDir } from './fake-mesos';

const root = path.resolve(__dirname, '..', '..');

/**
 * A copy of the package as npm would install it: compiled lib/, scripts, schema, no build/ (so no
 * addon), and the checkout's node_modules; `extra` adds paths of the checkout (e.g. the
 * compiled examples, build/examples).
 */
export function installedCopy(extra: string[] = []): string {
  const dir = tempDir('installed');
  for (const entry of ['lib', 'scripts', 'schema', 'package.json', ...extra]) {
    fs.cpSync(path.join(root, entry), path.join(dir, entry), { recursive: true });
  }
  fs.symlinkSync(path.join(root, 'node_modules'), path.join(dir, 'node_modules'));
  return dir;
}
