import { checkResult } from '../native/lifecycle-hunt/checks';

// The lifecycle hunt's invariants against docs/drivers.md: join() waits for a handler that
// began after it was called (never for one already running), and after an abort for none.
// The hunt reported "join never settled" for a handler that never settles begun after the
// join (6 of 300 programs from seed 777000), which the design allows.
function result(records: object[]) {
  const output = [...records, { end: 'exit' }]
    .map((record) => `@hunt ${JSON.stringify({ t: 'main', ...record })}`)
    .join('\n');
  return { code: 0, signal: null, timedOut: false, output, processes: [], directories: [] };
}

const join = { join: 'main#0', d: 0, via: 'step', method: 'run' };
const never = { d: 0, action: 'never', in: 'resourceOffers' };

test('a join held by a never-settling handler begun after it is allowed', () => {
  expect(checkResult(result([join, never]))).toEqual([]);
});

test('a join still pending after an abort that followed the handler is a failure', () => {
  expect(checkResult(result([join, never, { i: 3, at: 'abort', d: 0 }]))).toEqual([
    expect.objectContaining({ class: 'join never settled' }),
  ]);
});

test('a join pending on a handler already running when it was called is a failure', () => {
  expect(checkResult(result([never, join]))).toEqual([
    expect.objectContaining({ class: 'join never settled' }),
  ]);
});

test("another driver's never-settling handler does not excuse a join", () => {
  expect(checkResult(result([join, { ...never, d: 1 }]))).toEqual([
    expect.objectContaining({ class: 'join never settled' }),
  ]);
});
