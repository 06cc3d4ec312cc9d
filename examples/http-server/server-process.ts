import { spawn, type ChildProcess } from 'child_process';
import * as http from 'http';

export interface ServerExit {
  code: number | null;
  signal: NodeJS.Signals | null;
  /** True when kill() asked for it. */
  killed: boolean;
}

/** `python3 -m http.server` on one port, with readiness, exit and kill. */
export class HttpServerProcess {
  private readonly child: ChildProcess;
  private killRequested = false;
  readonly exited: Promise<ServerExit>;

  constructor(
    readonly port: number,
    readonly directory: string,
    python = 'python3',
  ) {
    this.child = spawn(
      python,
      ['-m', 'http.server', String(port), '--bind', '0.0.0.0', '--directory', directory],
      { stdio: ['ignore', 'inherit', 'inherit'], detached: true },
    );
    this.exited = new Promise((resolve) => {
      this.child.once('exit', (code, signal) =>
        resolve({ code, signal, killed: this.killRequested }),
      );
      this.child.once('error', () => resolve({ code: 127, signal: null, killed: false }));
    });
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  /** Resolves true once the server answers a GET, false if it exits or the time runs out first. */
  async ready(timeoutMs = 15000): Promise<boolean> {
    let gone = false;
    void this.exited.then(() => (gone = true));
    const deadline = Date.now() + timeoutMs;
    while (!gone && Date.now() < deadline) {
      if (await answers(this.port)) return true;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    return false;
  }

  /** Stops the server (and anything it started): SIGTERM, then SIGKILL after graceMs. */
  async kill(graceMs = 3000): Promise<ServerExit> {
    this.killRequested = true;
    const group = this.child.pid;
    const signal = (name: NodeJS.Signals) => {
      try {
        if (group) process.kill(-group, name);
      } catch {
        // already gone
      }
    };
    signal('SIGTERM');
    const timer = setTimeout(() => signal('SIGKILL'), graceMs);
    const exit = await this.exited;
    clearTimeout(timer);
    return exit;
  }
}

function answers(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const request = http.get({ host: '127.0.0.1', port, path: '/', timeout: 1000 }, (response) => {
      response.resume();
      resolve(true);
    });
    request.on('timeout', () => request.destroy());
    request.on('error', () => resolve(false));
  });
}
