import * as fs from 'fs';
import { createRequire } from 'module';
import * as path from 'path';
import { fileURLToPath } from 'url';
import type { CommandInfo, Input } from '../messages';
import { InvalidArgumentError } from '../errors';

/** Options of executorCommand(). */
export interface ExecutorCommandOptions {
  /** Arguments after the script. */
  args?: string[];
  /** Node options before the script, e.g. a loader: ['--import', 'tsx']. */
  nodeArgs?: string[];
  /** Extra environment variables for the executor process. */
  environment?: Record<string, string>;
  /** The node binary on the agents; default: this process's (process.execPath). */
  node?: string;
}

const PACKAGE_ROOT = path.join(__dirname, '..', '..');

/**
 * The CommandInfo that starts an executor written in JavaScript (or TypeScript, with a
 * loader in nodeArgs) on an agent with nothing set by hand: the node binary, the script's
 * absolute path, and NODE_PATH so the script's `require('mesos-napi')` finds this package.
 * The agent must see the same paths (a local cluster, or the same install on every agent).
 */
export function executorCommand(
  script: string | URL,
  options: ExecutorCommandOptions = {},
): Input<CommandInfo> {
  if (script instanceof URL) {
    if (script.protocol !== 'file:') {
      throw new InvalidArgumentError('script', `expected a file: URL, got ${script.href}`);
    }
    script = fileURLToPath(script);
  }
  if (typeof script !== 'string' || script === '') {
    throw new InvalidArgumentError(
      'script',
      'expected the path (or file: URL, e.g. new URL("./executor.js", import.meta.url)) of the executor script',
    );
  }
  const absolute = path.resolve(script);
  if (!fs.existsSync(absolute))
    throw new InvalidArgumentError('script', `${absolute} does not exist`);
  const nodeArgs = options.nodeArgs ?? [];
  if (/\.(?:m|c)?ts$/.test(absolute) && nodeArgs.length === 0) {
    throw new InvalidArgumentError(
      'script',
      `${absolute} is TypeScript, which this Node cannot run by itself: point at the compiled .js, or pass nodeArgs with a loader (e.g. ['--import', 'tsx'])`,
    );
  }
  if (isEsm(absolute)) checkEsmResolves(absolute);
  const node = options.node ?? process.execPath;
  const variables = [{ name: 'NODE_PATH', value: nodePath() }];
  for (const [name, value] of Object.entries(options.environment ?? {})) {
    if (typeof value !== 'string') {
      throw new InvalidArgumentError(`options.environment.${name}`, 'expected a string');
    }
    variables.push({ name, value });
  }
  return {
    shell: false,
    value: node,
    arguments: [node, ...nodeArgs, absolute, ...(options.args ?? [])],
    environment: { variables },
  };
}

function isEsm(file: string): boolean {
  if (file.endsWith('.mjs') || file.endsWith('.mts')) return true;
  if (!/\.(?:js|ts)$/.test(file)) return false;
  for (let dir = path.dirname(file); ; dir = path.dirname(dir)) {
    const manifest = path.join(dir, 'package.json');
    if (fs.existsSync(manifest)) {
      return (JSON.parse(fs.readFileSync(manifest, 'utf8')) as { type?: string }).type === 'module';
    }
    if (path.dirname(dir) === dir) return false;
  }
}

/**
 * ES modules resolve `import 'mesos-napi'` through the node_modules folders above the
 * script only: NODE_PATH does not apply to them.
 */
function checkEsmResolves(script: string): void {
  try {
    createRequire(script).resolve('mesos-napi');
  } catch {
    throw new InvalidArgumentError(
      'script',
      `${script} is an ES module, which finds 'mesos-napi' only in a node_modules folder above it (NODE_PATH does not apply to ES modules), and there is none: install mesos-napi where the script is, or write the executor as CommonJS (.cjs)`,
    );
  }
}

/** The directory from which `require('mesos-napi')` resolves to this package. */
function nodePath(): string {
  const parent = path.dirname(PACKAGE_ROOT);
  if (path.basename(parent) === 'node_modules') return parent;
  // A checkout of this package itself: expose it under its name through a private link.
  const links = path.join(PACKAGE_ROOT, 'build', 'node-path');
  const link = path.join(links, 'mesos-napi');
  if (!fs.existsSync(link)) {
    fs.mkdirSync(links, { recursive: true });
    try {
      fs.symlinkSync(PACKAGE_ROOT, link, 'dir');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
  return links;
}
