import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as http from 'http';
import * as os from 'os';
import * as path from 'path';
import { startLocalCluster, type LocalCluster, type LocalClusterOptions } from '../../src/cluster';

/** Resolves once predicate() is true, polling; rejects with `what` after timeoutMs. */
export async function eventually(
  what: string,
  predicate: () => boolean,
  timeoutMs = 30_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!predicate()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/**
 * The processes whose command line matches `pattern` (a pgrep -f regular expression), once
 * there are `count` of them or `graceMs` has passed.
 */
export async function processesCounted(
  pattern: string,
  count: number,
  graceMs = 10_000,
): Promise<string[]> {
  const deadline = Date.now() + graceMs;
  for (;;) {
    const found = spawnSync('pgrep', ['-af', pattern], { encoding: 'utf8' })
      .stdout.split('\n')
      .filter((line) => line && !line.includes('pgrep'));
    if (found.length === count || Date.now() > deadline) return found;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** Command lines of live processes matching pattern (pgrep -f), after up to graceMs for them to go. */
export async function processesMatching(pattern: string, graceMs = 10_000): Promise<string[]> {
  return processesCounted(pattern, 0, graceMs);
}

export function tempFile(label: string): string {
  return path.join(fs.mkdtempSync(path.join(os.tmpdir(), `mesos-napi-${label}-`)), `${label}.log`);
}

export function readLines(file: string): string[] {
  return fs.existsSync(file)
    ? fs.readFileSync(file, 'utf8').trim().split('\n').filter(Boolean)
    : [];
}

/** Starts a local cluster before the enclosing describe's tests and stops it after them. */
export function useLocalCluster(options: LocalClusterOptions = {}): () => LocalCluster {
  let cluster: LocalCluster | undefined;
  beforeAll(async () => {
    cluster = await startLocalCluster(options);
  }, 90_000);
  afterAll(async () => {
    await cluster?.stop();
  });
  return () => {
    if (!cluster) throw new Error('the local cluster did not start');
    return cluster;
  };
}

/** GET a URL and resolve with the body. */
export function get(url: string): Promise<string> {
  return new Promise((resolve, reject) => {
    http
      .get(url, (response) => {
        let body = '';
        response.on('data', (chunk) => (body += chunk));
        response.on('end', () => resolve(body));
      })
      .on('error', reject);
  });
}
