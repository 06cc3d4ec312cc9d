import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { installedCopy } from '../../support/installed-copy';
import { envWithoutMesos } from '../../support/isolated-env';

describe('without Mesos', () => {
  let dir: string;
  beforeAll(() => {
    dir = installedCopy();
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('the install script succeeds and says, in one paragraph, what it looked for', () => {
    const result = spawnSync(process.execPath, ['scripts/install.js'], {
      cwd: dir,
      env: envWithoutMesos(),
      encoding: 'utf8',
    });
    expect(result.status).toBe(0);
    const lines = result.stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(
      /^mesos-napi: no Mesos installation found \(looked at pkg-config mesos, mesos-master on PATH\)/,
    );
    expect(lines[0]).toMatch(/MESOS_HOME=<prefix>/);
    expect(lines[0]).toMatch(/npx mesos-napi build/);
    expect(fs.existsSync(path.join(dir, 'build'))).toBe(false);
  });

  it('build:native (--force) fails with the same paragraph', () => {
    const result = spawnSync(process.execPath, ['scripts/build-native.js', '--force'], {
      cwd: dir,
      env: envWithoutMesos(),
      encoding: 'utf8',
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/no Mesos installation found/);
  });

  it('loading the addon throws an Error listing the possible solutions', () => {
    const script = `
      try { require('./lib/native/load').loadBinding(); console.log('loaded'); }
      catch (e) { console.log(JSON.stringify({ name: e.name, message: e.message, solutions: e.solutions })); }
    `;
    const result = spawnSync(process.execPath, ['-e', script], {
      cwd: dir,
      env: envWithoutMesos(),
      encoding: 'utf8',
    });
    const error = JSON.parse(result.stdout);
    expect(error.name).toBe('AddonNotFoundError');
    expect(error.message).toMatch(
      /^mesos-napi: the native addon is not built, and no Mesos installation was found\.\n\nPossible solutions:\n- Install Mesos/,
    );
    expect(error.message).not.toMatch(/Could not locate the bindings file/);
    expect(error.solutions).toContain('Then build the addon: `npx mesos-napi build`.');
  });

  it('doctor lists what it looked at and exits non-zero', () => {
    const result = spawnSync(process.execPath, ['lib/cli/main.js', 'doctor'], {
      cwd: dir,
      env: envWithoutMesos(),
      encoding: 'utf8',
    });
    expect(result.status).toBe(1);
    expect(result.stdout).toMatch(
      /^Mesos not found\.\nLooked at:\n {2}- pkg-config mesos: pkg-config has no mesos package\n/,
    );
  });
});
