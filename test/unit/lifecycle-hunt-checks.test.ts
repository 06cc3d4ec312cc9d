// The lifecycle hunt's invariants (test/native/lifecycle-hunt/checks.js) on made-up records.
import { checkResult, type ProgramResult } from '../native/lifecycle-hunt/checks';

/** A program that ended through node's exit, having written these records on main. */
function ended(records: object[]): ProgramResult {
  const lines = [...records, { end: 'exit', code: 0 }].map(
    (r) => `@hunt ${JSON.stringify({ t: 'main', ...r })}`,
  );
  return {
    output: lines.join('\n'),
    timedOut: false,
    signal: null,
    code: 0,
    processes: [],
    directories: [],
  };
}

const joined = { join: 'main#0', d: 0, via: 'step', method: 'join' };
const never = { d: 0, action: 'never', in: 'shutdown' };

test('a join that never settled is a failure', () => {
  expect(checkResult(ended([joined])).map((f) => f.class)).toEqual(['join never settled']);
});

test('a join made before a handler that never settles may wait with it (the documented design)', () => {
  expect(checkResult(ended([joined, never]))).toEqual([]);
});

test('but not once the driver is aborted after that handler began, by a step or a handler', () => {
  const aborted = [
    { i: 3, at: 'abort', d: 0 },
    { d: 0, handlerAbort: 'DRIVER_ABORTED' },
  ];
  for (const abort of aborted) {
    expect(checkResult(ended([joined, never, abort])).map((f) => f.class)).toEqual([
      'join never settled',
    ]);
  }
});

test('a join made after the never-settling handler began does not wait for it', () => {
  expect(checkResult(ended([never, joined])).map((f) => f.class)).toEqual(['join never settled']);
});

test("another driver's never-settling handler excuses nothing", () => {
  expect(checkResult(ended([joined, { ...never, d: 1 }])).map((f) => f.class)).toEqual([
    'join never settled',
  ]);
});

describe('a registration libmesos logged that no registered() saw', () => {
  // Records and libmesos's log line in the order a program writes them (glog's time is UTC).
  function program(extra: object[]): ProgramResult {
    const at = (ms: number) => Date.UTC(2026, 0, 1, 0, 0, 0, ms);
    const records = [
      { i: 0, at: 'scheduler', d: 0, time: at(0) },
      ...extra,
      { i: 1, at: 'start', d: 0, time: at(1) },
      { i: 2, at: 'sleep', ms: 500, time: at(2) },
    ];
    const lines = records.map((r) => `@hunt ${JSON.stringify({ t: 'main', ...r })}`);
    lines.push('I0101 00:00:00.010000  1234 sched.cpp:753] Framework registered with f-0000');
    lines.push(
      ...[
        { i: 2, r: null, time: at(600) },
        { i: 3, at: 'stop', d: 0, time: at(601) },
        { end: 'exit', code: 0 },
      ].map((r) => `@hunt ${JSON.stringify({ t: 'main', ...r })}`),
    );
    return {
      output: lines.join('\n'),
      timedOut: false,
      signal: null,
      code: 0,
      processes: [],
      directories: [],
    };
  }

  test("is a failure with the program's one scheduler driver", () => {
    expect(checkResult(program([])).map((f) => f.class)).toEqual(['event not delivered']);
  });

  test('is not with a V0Mesos beside it, whose own driver logs the same line', () => {
    expect(checkResult(program([{ i: 9, at: 'object', o: 'o0', kind: 'v0' }]))).toEqual([]);
  });
});
