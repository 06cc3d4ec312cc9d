import { spawn, spawnSync, type ChildProcess } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

// The example (examples/http-server), compiled, run as a child process by the tests.
const root = path.join(__dirname, '..', '..');
export const main = path.join(root, 'build', 'examples', 'http-server', 'main.js');

export interface Run {
  child: ChildProcess;
  output: () => string;
  /** Everything on stderr. */
  errors: () => string;
  /** Resolves with the first line matching pattern; rejects, with the output, after timeoutMs. */
  line: (pattern: RegExp, timeoutMs?: number) => Promise<string>;
  exited: Promise<number | null>;
}

/**
 * Runs the compiled example with `args`. options.root: a copy of the package to run it from
 * (default this checkout); options.env: its environment (default this process's, with
 * libmesos's log at FATAL only).
 */
export function runExample(
  args: string[],
  options: { root?: string; env?: NodeJS.ProcessEnv } = {},
): Run {
  const home = options.root ?? root;
  const script = path.join(home, path.relative(root, main));
  const child = spawn(process.execPath, [script, ...args], {
    cwd: home,
    env: options.env ?? { ...process.env, GLOG_minloglevel: '3' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const waiters: { pattern: RegExp; resolve: (line: string) => void }[] = [];
  const scan = () => {
    for (const waiter of [...waiters]) {
      const line = output.split('\n').find((l) => waiter.pattern.test(l));
      if (line) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve(line);
      }
    }
  };
  child.stdout!.on('data', (chunk) => {
    output += chunk;
    scan();
  });
  let errors = '';
  child.stderr!.on('data', (chunk) => (errors += chunk));
  return {
    child,
    output: () => output,
    errors: () => errors,
    line: (pattern, timeoutMs = 60_000) =>
      new Promise((resolve, reject) => {
        const timer = setTimeout(
          () =>
            reject(
              new Error(
                `no line matching ${pattern} in ${timeoutMs} ms; output:\n${output}\nstderr (end):\n${errors.slice(-3000)}`,
              ),
            ),
          timeoutMs,
        );
        waiters.push({
          pattern,
          resolve: (line) => {
            clearTimeout(timer);
            resolve(line);
          },
        });
        scan();
      }),
    // 'close', not 'exit': the process may have exited before its last output was read.
    exited: new Promise((resolve) => child.once('close', (code) => resolve(code))),
  };
}

/** Processes of the example still alive (its executors and their servers), after a grace. */
export async function leftovers(): Promise<string> {
  for (let i = 0; i < 40; i++) {
    const found = spawnSync('pgrep', ['-af', 'http-server/executor.js|http.server 310'], {
      encoding: 'utf8',
    })
      .stdout.split('\n')
      .filter((l) => l && !l.includes('pgrep'))
      .join('\n');
    if (!found) return '';
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return 'still running';
}

/**
 * Compiles the examples into build/examples (against lib/, which npm test builds first).
 * Test files compile them in parallel workers while others run them: tsc writes into a
 * directory of its own, and each file replaces the one in build/examples in one rename.
 */
export function compileExamples(): void {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'mesos-napi-examples-'));
  try {
    const build = spawnSync(
      process.execPath,
      [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.examples.json', '--outDir', out],
      { cwd: root, encoding: 'utf8' },
    );
    if (build.status !== 0)
      throw new Error(`examples did not compile:\n${build.stdout}${build.stderr}`);
    const target = path.join(root, 'build', 'examples');
    for (const file of fs.readdirSync(out, { recursive: true, encoding: 'utf8' })) {
      const from = path.join(out, file);
      if (!fs.statSync(from).isFile()) continue;
      const to = path.join(target, file);
      fs.mkdirSync(path.dirname(to), { recursive: true });
      const temporary = `${to}.${process.pid}.tmp`;
      fs.copyFileSync(from, temporary);
      fs.renameSync(temporary, to);
    }
  } finally {
    fs.rmSync(out, { recursive: true, force: true });
  }
}
