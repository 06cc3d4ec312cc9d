import { execFileSync } from 'child_process';
import fs from 'fs';
import path from 'path';

export const root = path.join(__dirname, '..', '..');

/** Runs a command; on failure throws with everything it printed. */
export function run(
  command: string,
  args: string[],
  cwd: string,
  env: NodeJS.ProcessEnv = process.env,
): string {
  try {
    return execFileSync(command, args, {
      cwd,
      env,
      encoding: 'utf8',
      stdio: 'pipe',
      timeout: 600_000,
    });
  } catch (error) {
    const { stdout, stderr } = error as { stdout?: string; stderr?: string };
    throw new Error(
      `${command} ${args.join(' ')} failed in ${cwd}:\n${stdout ?? ''}${stderr ?? ''}`,
    );
  }
}

/**
 * What a user does with a checkout: packs it (prepack compiles lib/ in a clone that has
 * none) into `work`, from the working tree as it is, committed or not. Returns the tarball.
 */
export function packCheckout(work: string): string {
  const clone = path.join(work, 'clone');
  run('git', ['clone', '--quiet', '--no-hardlinks', root, clone], work);
  for (const file of run('git', ['ls-files', '-co', '--exclude-standard'], root).split('\n')) {
    if (!file || !fs.existsSync(path.join(root, file))) continue;
    fs.mkdirSync(path.dirname(path.join(clone, file)), { recursive: true });
    fs.copyFileSync(path.join(root, file), path.join(clone, file));
  }
  fs.symlinkSync(path.join(root, 'node_modules'), path.join(clone, 'node_modules'));
  const packed = run('npm', ['pack', '--silent', '--pack-destination', work], clone).trim();
  return path.join(work, packed.split('\n').pop()!);
}

/** A fresh project with a package.json and nothing else. */
export function freshProject(work: string, name: string): string {
  const project = path.join(work, name);
  fs.mkdirSync(project);
  fs.writeFileSync(path.join(project, 'package.json'), `{ "name": "${name}", "private": true }`);
  return project;
}
