import { spawn, type ChildProcess } from 'child_process';
import path from 'path';
import { exited, hasExited } from '../../src/cluster/child-exit';

const FIXTURES = path.join(__dirname, '..', 'native', 'fixtures', 'ha');

/** One line a contender printed (test/native/fixtures/ha/contender.js). */
export interface ContenderLine {
  name: string;
  /** process.hrtime (CLOCK_MONOTONIC, the same in every process), ns. */
  t: bigint;
  event: string;
  term?: number;
  reason?: string;
  message?: string;
  leader?: string | null;
  frameworkId?: string;
  failover?: boolean;
  tasks?: string[];
  task?: string;
  state?: string;
}

/** An interval during which one contender acted as the leader. */
export interface ActingTerm {
  name: string;
  term: number;
  from: bigint;
  to: bigint;
}

/**
 * Contenders of one leader election, each a child process, and everything they printed.
 * The test process is the observer: every act of every leader is a sample, with its time.
 */
export class Contenders {
  readonly lines: ContenderLine[] = [];
  private readonly children = new Map<string, ChildProcess>();
  private readonly stderr = new Map<string, string>();

  constructor(private readonly argv: (name: string) => string[]) {}

  /** Contenders of test/native/fixtures/ha/contender.js (a LeaderElection each). */
  static election(zk: string, sessionTimeout: number): Contenders {
    return new Contenders((name) => [
      path.join(FIXTURES, 'contender.js'),
      zk,
      String(sessionTimeout),
      name,
    ]);
  }

  /** Processes of test/native/fixtures/ha/framework.js (a HighlyAvailableScheduler each). */
  static framework(options: {
    zk: string;
    master: string;
    sessionTimeout: number;
    failoverTimeout: number;
    tasks: number;
  }): Contenders {
    return new Contenders((name) => [
      path.join(FIXTURES, 'framework.js'),
      options.zk,
      options.master,
      name,
      String(options.sessionTimeout),
      String(options.failoverTimeout),
      String(options.tasks),
    ]);
  }

  start(name: string): void {
    const child = spawn(process.execPath, this.argv(name), {
      stdio: ['pipe', 'pipe', 'pipe'],
      env: { ...process.env, GLOG_minloglevel: '3' },
    });
    this.children.set(name, child);
    let partial = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      const text = partial + chunk.toString();
      const lines = text.split('\n');
      partial = lines.pop()!;
      for (const line of lines) {
        const parsed = JSON.parse(line) as ContenderLine & { t: string };
        this.lines.push({ ...parsed, t: BigInt(parsed.t) });
      }
    });
    child.stderr!.on('data', (chunk: Buffer) => {
      this.stderr.set(name, ((this.stderr.get(name) ?? '') + chunk.toString()).slice(-4000));
    });
  }

  child(name: string): ChildProcess {
    return this.children.get(name)!;
  }

  send(name: string, line: string): void {
    this.child(name).stdin!.write(line + '\n');
  }

  kill(name: string, signal: NodeJS.Signals): void {
    this.child(name).kill(signal);
  }

  async exited(name: string): Promise<void> {
    await exited(this.child(name));
  }

  events(name: string, event: string): ContenderLine[] {
    return this.lines.filter((line) => line.name === name && line.event === event);
  }

  /** The contender that acted last, if it acted within the last `withinMs`. */
  actingNow(withinMs = 200): string | undefined {
    const now = process.hrtime.bigint();
    for (let i = this.lines.length - 1; i >= 0; i--) {
      const line = this.lines[i];
      if (line.event !== 'act') continue;
      return now - line.t < BigInt(withinMs) * 1_000_000n ? line.name : undefined;
    }
    return undefined;
  }

  async until(what: string, predicate: () => boolean, timeoutMs = 30_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!predicate()) {
      if (Date.now() > deadline) {
        throw new Error(`timed out waiting for ${what}; lines:\n${this.describe()}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  /** Waits for a contender to be acting as the leader and returns its name. */
  async leader(timeoutMs = 30_000, except?: string): Promise<string> {
    let name: string | undefined;
    await this.until(
      'a leader',
      () => {
        name = this.actingNow();
        return name !== undefined && name !== except;
      },
      timeoutMs,
    );
    return name!;
  }

  /** Every acting interval: from a term's first act to its last. */
  terms(): ActingTerm[] {
    const terms = new Map<string, ActingTerm>();
    for (const line of this.lines) {
      if (line.event !== 'act') continue;
      const key = `${line.name}#${line.term}`;
      const term = terms.get(key);
      if (!term) terms.set(key, { name: line.name, term: line.term!, from: line.t, to: line.t });
      else term.to = line.t;
    }
    return [...terms.values()].sort((a, b) => (a.from < b.from ? -1 : 1));
  }

  /** Pairs of terms of different contenders that overlapped in time: two leaders acting. */
  overlaps(): string[] {
    const terms = this.terms();
    const found: string[] = [];
    for (let i = 0; i < terms.length; i++) {
      for (let j = i + 1; j < terms.length; j++) {
        const [a, b] = [terms[i], terms[j]];
        if (a.name !== b.name && a.from <= b.to && b.from <= a.to) {
          found.push(
            `${a.name}#${a.term} [${a.from}, ${a.to}] and ${b.name}#${b.term} [${b.from}, ${b.to}]`,
          );
        }
      }
    }
    return found;
  }

  describe(): string {
    const shown = this.lines
      .filter((line) => line.event !== 'act')
      .map((line) => {
        const { t, name, event, ...fields } = line;
        const rest = Object.keys(fields).length > 0 ? ` ${JSON.stringify(fields)}` : '';
        return `${t} ${name} ${event}${rest}`;
      });
    const terms = this.terms().map((t) => `term ${t.name}#${t.term} ${t.from}..${t.to}`);
    const stderr = [...this.stderr].map(([name, text]) => `${name} stderr: ${text.slice(-600)}`);
    return [...shown, ...terms, ...stderr].join('\n');
  }

  async stop(): Promise<void> {
    for (const child of this.children.values()) {
      if (hasExited(child)) continue;
      child.kill('SIGCONT');
      child.kill('SIGKILL');
    }
    await Promise.all([...this.children.values()].map((child) => exited(child)));
  }
}

/** Milliseconds between two monotonic times. */
export function msBetween(from: bigint, to: bigint): number {
  return Number(to - from) / 1e6;
}
