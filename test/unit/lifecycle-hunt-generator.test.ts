import { generateProgram } from '../native/lifecycle-hunt/generate';

// The lifecycle hunt's generator (test/native/lifecycle-hunt.test.ts runs its programs on
// libmesos): a seed names one program, and every program can end by itself.
interface Step {
  op: string;
  d?: number;
  o?: string;
  kind?: string;
  method?: string;
  w?: string;
  steps?: Step[];
}

const SEEDS = Array.from({ length: 3000 }, (_, i) => i);

/** Per thread: every driver that a start/run step starts gets a stop or abort after it. */
function unendedDrivers(steps: Step[]): number[] {
  const live = new Set<number>();
  const unended: number[] = [];
  for (const step of steps) {
    if (step.op === 'worker') unended.push(...unendedDrivers(step.steps ?? []));
    if ((step.op === 'start' || step.op === 'run') && step.d !== undefined) live.add(step.d);
    if ((step.op === 'stop' || step.op === 'abort') && step.d !== undefined) live.delete(step.d);
    if (step.op === 'drop' && step.d !== undefined && live.has(step.d)) unended.push(step.d);
    if (step.op === 'await-join' && step.d !== undefined && live.has(step.d)) unended.push(step.d);
  }
  return [...unended, ...live];
}

/** v1 libraries (they keep the process alive until closed) built without a close after. */
function unclosedLibraries(steps: Step[]): string[] {
  const open = new Set<string>();
  for (const step of steps) {
    if (step.op === 'object' && ['v1', 'v0', 'v1-executor'].includes(step.kind!)) open.add(step.o!);
    if (step.op === 'call' && step.method === 'close') open.delete(step.o!);
  }
  return [...open];
}

describe('lifecycle hunt generator', () => {
  test('the same seed gives the same program, other seeds other programs', () => {
    expect(generateProgram(42)).toEqual(generateProgram(42));
    const distinct = new Set(
      SEEDS.slice(0, 200).map((s) => JSON.stringify(generateProgram(s).steps)),
    );
    expect(distinct.size).toBeGreaterThan(190);
  });

  test('no started driver is left running, dropped or awaited before its stop or abort', () => {
    const bad = SEEDS.filter((s) => unendedDrivers(generateProgram(s).steps as Step[]).length > 0);
    expect(bad).toEqual([]);
  });

  test('every v1 library is closed by its own story', () => {
    const bad = SEEDS.filter(
      (s) => unclosedLibraries(generateProgram(s).steps as Step[]).length > 0,
    );
    expect(bad).toEqual([]);
  });

  test('programs cover every step, master and executor environment', () => {
    const seen = new Set<string>();
    const walk = (steps: Step[]): void => {
      for (const step of steps as Array<Step & Record<string, unknown>>) {
        seen.add(step.op);
        if (step.master) seen.add(`master:${String(step.master)}`);
        if (step.op === 'executor') seen.add(`env:${String(step.env)}`);
        if (step.op === 'object') seen.add(`kind:${String(step.kind)}`);
        for (const key of ['backend', 'shape', 'method']) {
          if (typeof step[key] === 'string') seen.add(`${key}:${String(step[key])}`);
        }
        for (const spec of (step.on as Array<{ do: string }> | undefined) ?? [])
          seen.add(`do:${spec.do}`);
        walk(step.steps ?? []);
      }
    };
    for (const s of SEEDS) walk(generateProgram(s).steps as Step[]);
    for (const expected of [
      'scheduler',
      'executor',
      'start',
      'stop',
      'abort',
      'join',
      'await-join',
      'run',
      'drop',
      'gc',
      'worker',
      'terminate',
      'exit',
      'master:local',
      'master:separate',
      'master:unreachable',
      'master:file',
      'master:unparsable',
      'env:fake',
      'env:bad-log',
      'env:missing',
      'env:process',
      'env:setenv',
      'do:throw',
      'do:reject',
      'do:never',
      'do:stop',
      'do:abort',
      'do:stop-join',
      'do:join',
      'object',
      'call',
      'await',
      'kind:state',
      'kind:log',
      'kind:v1',
      'kind:v0',
      'kind:v1-executor',
      'kind:election',
      'method:withdraw',
      'backend:memory',
      'backend:leveldb',
      'backend:log',
      'backend:bad-path',
      'shape:good',
      'shape:never-recovers',
      'shape:bad-quorum',
      'shape:bad-path',
      'method:fetch-store',
      'method:fetch-expunge',
      'method:names',
      'method:append',
      'method:truncate',
      'method:read',
      'method:catchup',
      'method:teardown',
      'method:close',
    ]) {
      expect(seen).toContain(expected);
    }
  });
});
