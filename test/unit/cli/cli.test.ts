import { spawnSync } from 'child_process';
import fs from 'fs';
import path from 'path';

const root = path.join(__dirname, '..', '..', '..');
const cli = path.join(root, 'lib', 'cli', 'main.js');
const run = (...args: string[]) =>
  spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8' });

// The CLI as a user meets it (lib/ is built by npm test before jest).
describe('mesos-napi CLI', () => {
  it('--version prints the package version', () => {
    const result = run('--version');
    expect(result.status).toBe(0);
    const { version } = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
    expect(result.stdout.trim()).toBe(version);
  });

  it('doctor --json prints what it found as JSON, with its exit code', () => {
    const result = run('doctor', '--json');
    const report = JSON.parse(result.stdout);
    expect(report).toEqual(
      expect.objectContaining({ ok: expect.any(Boolean), discovery: expect.any(Object) }),
    );
    expect(result.status).toBe(report.ok ? 0 : 1);
  });

  it('an unknown command goes to stderr with exit code 2', () => {
    const result = run('frobnicate');
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain("unknown command 'frobnicate'");
  });

  it('an uncaught AddonNotFoundError is short: solutions once, no list of tried paths', () => {
    const tried = Array.from({ length: 13 }, (_, i) => ` → /somewhere/${i}/mesos_napi.node`);
    const script = `
      const { addonNotFound } = require(${JSON.stringify(path.join(root, 'lib', 'native', 'addon-error'))});
      const { findMesos } = require(${JSON.stringify(path.join(root, 'lib', 'discovery'))});
      const loader = new Error(${JSON.stringify(['Could not locate the bindings file. Tried:', ...tried].join('\n'))});
      const error = addonNotFound(loader, findMesos(), undefined);
      throw error;
    `;
    const result = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8' });
    expect(result.status).toBe(1);
    expect(result.stderr.split('Possible solutions').length - 1).toBe(1);
    expect(result.stderr).not.toContain('/somewhere/');
    expect(result.stderr.trim().split('\n').length).toBeLessThan(30);
  });
});
