import { spawn, spawnSync } from 'child_process';
import * as path from 'path';
import { compileExamples } from '../../support/example-process';

// The services example, compiled and run on the simulator: it serves its page and API.
const main = path.join(__dirname, '..', '..', '..', 'build', 'examples', 'web-service', 'main.js');

beforeAll(() => compileExamples(), 120_000);

test('--simulate --http 0: the example prints its page address, which serves the page and the API', async () => {
  const child = spawn(process.execPath, [main, '--simulate', '--http', '0'], {
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.setEncoding('utf8');
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout.on('data', (chunk: string) => {
      output += chunk;
      const match = /the page: (http:\/\/127\.0\.0\.1:\d+\/)/.exec(output);
      if (match) resolve(match[1]);
    });
    void exited.then(() => reject(new Error(`the example exited:\n${output}`)));
  });
  try {
    const page = await fetch(url);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<title>mesos-napi service</title>');
    // Its servers become healthy (the simulator runs 10 virtual seconds per real one).
    for (;;) {
      const pods = (await (await fetch(new URL('/v1/pods', url))).json()) as { healthy: number }[];
      if (pods[0].healthy === 3) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const health = await (await fetch(new URL('/health', url))).json();
    expect(health).toEqual({ status: 'ok', registered: true, role: 'single' });
  } finally {
    child.stdin.end('quit\n');
  }
  expect(await exited).toBe(0);
  expect(output).toMatch(/framework DRIVER_STOPPED\n$/);
}, 60_000);

test('--http with something else than [HOST:]PORT: the usage, exit code 2', () => {
  const result = spawnSync(process.execPath, [main, '--simulate', '--http', 'here'], {
    encoding: 'utf8',
  });
  expect(result.status).toBe(2);
  expect(result.stderr).toMatch(/^--http: expected \[HOST:\]PORT\n\nusage: /);
});
