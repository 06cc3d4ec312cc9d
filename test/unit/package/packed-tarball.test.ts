import { execFileSync } from 'child_process';
import fs from 'fs';
import os from 'os';
import path from 'path';

const root = path.join(__dirname, '..', '..', '..');
const tsc = path.join(root, 'node_modules', 'typescript', 'bin', 'tsc');

function run(command: string, args: string[], cwd: string): string {
  try {
    return execFileSync(command, args, { cwd, encoding: 'utf8', stdio: 'pipe', timeout: 600_000 });
  } catch (error) {
    const { stdout, stderr } = error as { stdout?: string; stderr?: string };
    throw new Error(
      `${command} ${args.join(' ')} failed in ${cwd}:\n${stdout ?? ''}${stderr ?? ''}`,
    );
  }
}

// What a user does with a checkout: pack it (prepack compiles lib/ in a clone that has
// none), install the tarball into a fresh project, import it from CommonJS and ESM, and
// compile against its types with strict settings.
describe('the packed tarball', () => {
  let work: string;
  let tarball: string;

  beforeAll(() => {
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'mesos-napi-pack-'));
    const clone = path.join(work, 'clone');
    run('git', ['clone', '--quiet', '--no-hardlinks', root, clone], work);
    // The working tree as it is, committed or not.
    for (const file of run('git', ['ls-files', '-co', '--exclude-standard'], root).split('\n')) {
      if (!file || !fs.existsSync(path.join(root, file))) continue;
      fs.mkdirSync(path.dirname(path.join(clone, file)), { recursive: true });
      fs.copyFileSync(path.join(root, file), path.join(clone, file));
    }
    fs.symlinkSync(path.join(root, 'node_modules'), path.join(clone, 'node_modules'));
    const packed = run('npm', ['pack', '--silent', '--pack-destination', work], clone).trim();
    tarball = path.join(work, packed.split('\n').pop()!);
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
    const project = path.join(work, 'consumer');
    fs.mkdirSync(project);
    fs.writeFileSync(path.join(project, 'package.json'), '{ "name": "consumer", "private": true }');
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
