import * as fs from 'fs';
import * as path from 'path';

/** Processes whose working directory lies under dir (executors run in their sandboxes). */
export function processesUnder(dir: string): number[] {
  const root = path.resolve(dir) + path.sep;
  const pids: number[] = [];
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry) || Number(entry) === process.pid) continue;
    try {
      const cwd = fs.readlinkSync(`/proc/${entry}/cwd`);
      if ((cwd + path.sep).startsWith(root)) pids.push(Number(entry));
    } catch {
      // gone, or not ours to read
    }
  }
  return pids;
}

export function killAll(pids: number[], signal: NodeJS.Signals): void {
  for (const pid of pids) {
    try {
      process.kill(pid, signal);
    } catch {
      // already gone
    }
  }
}
