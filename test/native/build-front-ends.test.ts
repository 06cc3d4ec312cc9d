import { spawnSync } from 'child_process';
import fs from 'fs';
import os from 'os';
import path from 'path';
import { describeWithMesos } from '../support/mesos';

const root = path.join(__dirname, '..', '..');

function exportsOf(addon: string): string {
  const result = spawnSync(
    process.execPath,
    [
      '-e',
      `const b = require(${JSON.stringify(addon)}); console.log(JSON.stringify({ keys: Object.keys(b).sort(), mesos: b.mesosVersion, protobuf: b.protobufVersion }))`,
    ],
    { encoding: 'utf8' },
  );
  if (result.status !== 0) throw new Error(`loading ${addon} failed:\n${result.stderr}`);
  return result.stdout.trim();
}

// binding.gyp and CMakeLists.txt read their sources and defines from native/build.json,
// and Mesos from the same discovery (scripts/mesos-flags.js).
describeWithMesos('both build front ends', () => {
  test('node-gyp builds, from binding.gyp, an addon with the exports of the cmake-js build', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mesos-napi-gyp-'));
    try {
      for (const entry of ['binding.gyp', 'package.json', 'native', 'scripts']) {
        fs.cpSync(path.join(root, entry), path.join(dir, entry), { recursive: true });
      }
      for (const entry of ['node_modules', 'lib']) {
        fs.symlinkSync(path.join(root, entry), path.join(dir, entry));
      }
      const gyp = require.resolve('node-gyp/bin/node-gyp.js', { paths: [root] });
      // The headers of the running node, as npm is set up here; nothing is downloaded.
      const nodedir = path.resolve(process.execPath, '..', '..');
      const build = spawnSync(
        process.execPath,
        [gyp, 'rebuild', '--jobs', '2', `--nodedir=${nodedir}`],
        {
          cwd: dir,
          encoding: 'utf8',
          timeout: 900_000,
        },
      );
      if (build.status !== 0) throw new Error(`node-gyp failed:\n${build.stdout}${build.stderr}`);
      const record = JSON.parse(
        fs.readFileSync(path.join(dir, 'build', 'mesos-napi-build.json'), 'utf8'),
      );
      expect(record.prefix).toBe(
        JSON.parse(fs.readFileSync(path.join(root, 'build', 'mesos-napi-build.json'), 'utf8'))
          .prefix,
      );
      expect(exportsOf(path.join(dir, 'build', 'Release', 'mesos_napi.node'))).toBe(
        exportsOf(path.join(root, 'build', 'Release', 'mesos_napi.node')),
      );
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 960_000);
});
