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
