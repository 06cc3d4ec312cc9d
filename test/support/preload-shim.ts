import { spawnSync } from 'child_process';
import fs from 'fs';
import os from 'os';
import path from 'path';

/**
 * Builds a C file into a shared object for LD_PRELOAD (`shim`), in a temporary directory
 * (`dir`) made for the describe block and removed after it.
 */
export function preloadShim(source: string): () => { dir: string; shim: string } {
  let dir = '';
  let shim = '';
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mesos-napi-shim-'));
    shim = path.join(dir, `${path.basename(source, '.c')}.so`);
    const built = spawnSync('cc', ['-shared', '-fPIC', '-o', shim, source, '-ldl'], {
      encoding: 'utf8',
    });
    if (built.status !== 0) {
      throw new Error(`${path.basename(source)} did not build:\n${built.stderr}`);
    }
  });
  afterAll(() => {
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });
  return () => ({ dir, shim });
}
