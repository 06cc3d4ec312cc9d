import { spawnSync } from 'child_process';
import path from 'path';

const valgrind = spawnSync('valgrind', ['--version'], { encoding: 'utf8' });
const describeWithValgrind = valgrind.status === 0 ? describe : describe.skip;
if (valgrind.status !== 0)
  process.stdout.write('skipped "bridge under valgrind": valgrind not found\n');

describeWithValgrind('bridge under valgrind', () => {
  beforeAll(() => {
    const script = path.join(__dirname, '..', '..', 'scripts', 'build-bridge-test.js');
    const build = spawnSync(process.execPath, [script], { encoding: 'utf8', timeout: 300_000 });
    if (build.status !== 0) throw new Error(`bridge test addon did not build:\n${build.stderr}`);
  }, 300_000);

  test('no memory errors and nothing definitely lost over 6000 events from three threads', () => {
    const result = spawnSync(
      'valgrind',
      [
        '--leak-check=full',
        '--errors-for-leak-kinds=definite',
        '--error-exitcode=99',
        process.execPath,
        path.join(__dirname, 'fixtures', 'bridge-order.js'),
        '3',
        '2000',
        '256',
      ],
      { encoding: 'utf8', timeout: 240_000 },
    );
    expect(result.stdout).toContain('"received":6000');
    expect(result.stderr).toContain('definitely lost: 0 bytes');
    expect(result.stderr).toMatch(/ERROR SUMMARY: 0 errors/);
    expect(result.status).toBe(0);
  }, 250_000);
});
