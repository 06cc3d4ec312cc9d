import { createDispatcher } from '../../../src/driver/dispatch';
import { DriverMetrics } from '../../../src/metrics/driver-metrics';

function dispatcher(handler: object) {
  const metrics = new DriverMetrics('scheduler-driver');
  const failures: unknown[] = [];
  const { dispatch, idle } = createDispatcher({
    driver: {},
    handler,
    decoders: {},
    dropping: () => false,
    fail: (error) => failures.push(error),
    metrics,
  });
  return { metrics, dispatch, idle, failures };
}

test('events that arrive while a handler’s promise is pending are counted as queued, exactly', async () => {
  let release!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  const { metrics, dispatch, idle } = dispatcher({ slow: () => gate, fast: () => undefined });
  dispatch('slow');
  dispatch('fast');
  dispatch('fast');
  dispatch('fast');
  expect(metrics.snapshot('x', undefined).queued).toEqual({ now: 3, max: 3 });
  release();
  await idle();
  const m = metrics.snapshot('x', undefined);
  expect(m.queued).toEqual({ now: 3 - 3, max: 3 });
  expect(m.events).toEqual({ slow: 1, fast: 3 });
  expect(m.handlerSeconds.count).toBe(4);
});

test('the native side’s queue adds to the JS side’s; the most is the larger of the two', () => {
  const { metrics, dispatch } = dispatcher({ slow: () => new Promise(() => {}) });
  dispatch('slow');
  dispatch('slow');
  const native = { queued: 5, maxQueued: 7, waits: 2, waitSeconds: 0.5, maxWaitSeconds: 0.4 };
  const m = metrics.snapshot('DRIVER_RUNNING', native);
  expect(m.queued).toEqual({ now: 6, max: 7 });
  expect(m.libmesosWait).toEqual({ count: 2, seconds: 0.5, maxSeconds: 0.4 });
});

test('handler time: a throwing handler and a rejecting one are timed, an event without a callback is not', async () => {
  const { metrics, dispatch, idle, failures } = dispatcher({
    throws: () => {
      throw new Error('sync');
    },
    rejects: () => Promise.reject(new Error('async')),
  });
  dispatch('throws');
  dispatch('rejects');
  dispatch('none');
  await idle();
  const m = metrics.snapshot('x', undefined);
  expect(m.events).toEqual({ throws: 1, rejects: 1, none: 1 });
  expect(m.handlerSeconds.count).toBe(2);
  expect(failures).toHaveLength(2);
});

test('the histogram’s buckets are cumulative and end with +Inf', () => {
  const metrics = new DriverMetrics('v1-mesos');
  for (const seconds of [0.00005, 0.0002, 0.003, 20]) metrics.handlerSeconds.observe(seconds);
  const { buckets, count, sum } = metrics.handlerSeconds.snapshot();
  expect(count).toBe(4);
  expect(sum).toBeCloseTo(20.00325);
  expect(buckets.find((b) => b.le === 0.0001)?.count).toBe(1);
  expect(buckets.find((b) => b.le === 0.00025)?.count).toBe(2);
  expect(buckets.find((b) => b.le === 0.005)?.count).toBe(3);
  expect(buckets.find((b) => b.le === 10)?.count).toBe(3);
  expect(buckets.at(-1)).toEqual({ le: Infinity, count: 4 });
});
