import fs from 'fs';
import os from 'os';
import path from 'path';
import { freshProject, packCheckout, root, run } from '../../support/packed-checkout';

const tsc = path.join(root, 'node_modules', 'typescript', 'bin', 'tsc');

// What a user does with a checkout: pack it (prepack compiles lib/ in a clone that has
// none), install the tarball into a fresh project, import it from CommonJS and ESM, and
// compile against its types with strict settings.
describe('the packed tarball', () => {
  let work: string;
  let tarball: string;

  beforeAll(() => {
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'mesos-napi-pack-'));
    tarball = packCheckout(work);
  }, 600_000);

  afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

  test('holds the compiled library, its types and the LICENSE', () => {
    const listing = run('tar', ['-tzf', tarball], work);
    for (const file of [
      'lib/index.js',
      'lib/index.d.ts',
      'LICENSE',
      'binding.gyp',
      'native/build.json',
    ]) {
      expect(listing).toContain(`package/${file}`);
    }
  });

  test('installs into a fresh project and imports from CommonJS, ESM and strict TypeScript', () => {
    const project = freshProject(work, 'consumer');
    run(
      'npm',
      ['install', '--no-audit', '--no-fund', '--silent', tarball, '@types/node@20'],
      project,
    );
    fs.writeFileSync(
      path.join(project, 'main.cjs'),
      "const m = require('mesos-napi'); console.log(typeof m.MesosSchedulerDriver, m.Status.DRIVER_STOPPED);",
    );
    fs.writeFileSync(
      path.join(project, 'main.mjs'),
      "import { MesosSchedulerDriver, Status } from 'mesos-napi'; console.log(typeof MesosSchedulerDriver, Status.DRIVER_STOPPED);",
    );
    expect(run(process.execPath, ['main.cjs'], project).trim()).toBe('function DRIVER_STOPPED');
    expect(run(process.execPath, ['main.mjs'], project).trim()).toBe('function DRIVER_STOPPED');
    // The testing kit, from its subpath: a scheduler on the simulated cluster, no addon.
    fs.writeFileSync(
      path.join(project, 'kit.cjs'),
      [
        "const { SimulatedCluster } = require('mesos-napi/testing');",
        'const cluster = new SimulatedCluster();',
        'let offers = 0;',
        'const driver = cluster.schedulerDriver(',
        '  { resourceOffers(d, batch) { offers += batch.length; for (const o of batch) d.declineOffer(o.id); } },',
        "  { framework: { user: 'kit', name: 'kit' } },",
        ');',
        'driver.start();',
        "cluster.advance('12s').then(() => { driver.stop(); return driver.join(); })",
        '  .then((status) => console.log(offers, status));',
      ].join('\n'),
    );
    fs.writeFileSync(
      path.join(project, 'kit.mjs'),
      "import { SimulatedCluster, runsFor } from 'mesos-napi/testing'; console.log(typeof SimulatedCluster, typeof runsFor);",
    );
    // The services layer, from its subpath, on the simulated cluster and SimulatedState.
    fs.writeFileSync(
      path.join(project, 'services.cjs'),
      [
        "const { ServiceScheduler } = require('mesos-napi/services');",
        "const { SimulatedCluster, SimulatedState } = require('mesos-napi/testing');",
        'const cluster = new SimulatedCluster();',
        'const service = new ServiceScheduler({',
        "  definition: { name: 's', pods: [{ name: 'p', instances: 2, resources: { cpus: 1, mem: 64 }, command: 'true' }] },",
        '  state: new SimulatedState(),',
        '  clock: { now: () => cluster.now, setTimeout: (fn, ms) => cluster.setTimeout(fn, ms) },',
        '});',
        "const driver = cluster.schedulerDriver(service, { framework: { user: 'kit', name: 'kit' } });",
        'driver.start();',
        "cluster.advance('5s').then(() => { console.log(service.status().pods[0].running); driver.stop(); service.close(); });",
      ].join('\n'),
    );
    expect(run(process.execPath, ['services.cjs'], project).trim()).toBe('2');
    expect(run(process.execPath, ['kit.cjs'], project).trim()).toBe('3 DRIVER_STOPPED');
    expect(run(process.execPath, ['kit.mjs'], project).trim()).toBe('function function');
    const source = [
      "import { MesosSchedulerDriver, takeResources, type Scheduler } from 'mesos-napi';",
      'const scheduler: Scheduler = {',
      '  resourceOffers(driver, offers) {',
      '    for (const offer of offers) {',
      '      if (!takeResources(offer.resources, { cpus: 1 })) driver.declineOffer(offer.id);',
      '    }',
      '  },',
      '};',
      "export const make = () => new MesosSchedulerDriver(scheduler, { framework: { user: '', name: 'x' }, master: 'local' });",
      "import { SimulatedCluster, type TaskRule } from 'mesos-napi/testing';",
      "export const rule: TaskRule = () => ({ steps: [{ state: 'TASK_RUNNING' }] });",
      "export const simulated = () => new SimulatedCluster().onLaunch(rule).schedulerDriver(scheduler, { framework: { user: 'u', name: 'x' } });",
      "import { ServiceScheduler, type ServiceDefinition } from 'mesos-napi/services';",
      "import { SimulatedState } from 'mesos-napi/testing';",
      "export const definition: ServiceDefinition = { name: 's', pods: [] };",
      'export const service = () => new ServiceScheduler({ definition, state: new SimulatedState() });',
    ].join('\n');
    const strict = { strict: true, noEmit: true, skipLibCheck: false, types: [] };
    fs.writeFileSync(path.join(project, 'main.mts'), source);
    fs.writeFileSync(path.join(project, 'main.ts'), source);
    fs.writeFileSync(
      path.join(project, 'tsconfig.esm.json'),
      JSON.stringify({
        compilerOptions: { ...strict, module: 'nodenext', verbatimModuleSyntax: true },
        files: ['main.mts'],
      }),
    );
    fs.writeFileSync(
      path.join(project, 'tsconfig.cjs.json'),
      JSON.stringify({
        compilerOptions: { ...strict, module: 'commonjs', moduleResolution: 'node10' },
        files: ['main.ts'],
      }),
    );
    expect(run(process.execPath, [tsc, '-p', 'tsconfig.esm.json'], project)).toBe('');
    expect(run(process.execPath, [tsc, '-p', 'tsconfig.cjs.json'], project)).toBe('');
  }, 600_000);
});
