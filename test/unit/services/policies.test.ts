import { launchDelaySeconds, RESTART_DEFAULTS, UPGRADE_DEFAULTS } from 'mesos-napi/services';
import { capacities } from '../../../src/services/deployment/converge';
import { afterExit } from '../../../src/services/restart/backoff';
import { pod } from './harness';

test('launch delays: Marathon’s defaults, a factor, and the cap', () => {
  expect(RESTART_DEFAULTS).toMatchObject({
    backoffSeconds: 1,
    backoffFactor: 1.15,
    maxLaunchDelaySeconds: 300,
  });
  expect(launchDelaySeconds(undefined, 0)).toBe(0);
  expect(launchDelaySeconds(undefined, 1)).toBe(1);
  expect(launchDelaySeconds(undefined, 2)).toBeCloseTo(1.15);
  expect(launchDelaySeconds(undefined, 100)).toBe(300);
  const policy = { backoffSeconds: 3, backoffFactor: 3, maxLaunchDelaySeconds: 100 };
  expect([1, 2, 3, 4, 5].map((n) => launchDelaySeconds(policy, n))).toEqual([3, 9, 27, 81, 100]);
});

test('what follows an exit, by policy and state', () => {
  expect(afterExit(undefined, 'TASK_FINISHED')).toEqual({ relaunch: true, counts: true });
  expect(afterExit({ policy: 'on-failure' }, 'TASK_FINISHED')).toEqual({ relaunch: false });
  expect(afterExit({ policy: 'on-failure' }, 'TASK_FAILED')).toEqual({
    relaunch: true,
    counts: true,
  });
  expect(afterExit({ policy: 'on-failure' }, 'TASK_LOST')).toEqual({
    relaunch: true,
    counts: false,
  });
  expect(afterExit({ policy: 'never' }, 'TASK_LOST')).toEqual({ relaunch: false });
  for (const state of ['TASK_GONE', 'TASK_UNREACHABLE', 'TASK_DROPPED', 'TASK_UNKNOWN'] as const) {
    expect(afterExit(undefined, state)).toEqual({ relaunch: true, counts: false });
  }
});

test('update capacities: whole instances, and always room to move', () => {
  expect(UPGRADE_DEFAULTS).toEqual({
    minimumHealthCapacity: 1,
    maximumOverCapacity: 1,
    maxFailures: 3,
  });
  expect(capacities(pod('p', 3))).toEqual({ minHealthy: 3, maxTotal: 6 });
  const upgrade = (minimumHealthCapacity: number, maximumOverCapacity: number) =>
    pod('p', 3, { upgrade: { minimumHealthCapacity, maximumOverCapacity } });
  expect(capacities(upgrade(0.5, 0))).toEqual({ minHealthy: 2, maxTotal: 3 });
  expect(capacities(upgrade(0, 0))).toEqual({ minHealthy: 0, maxTotal: 3 });
  // 3 × 1.2 = 3.6 → 3 would leave no room with every instance to stay healthy: 4.
  expect(capacities(upgrade(1, 0.2))).toEqual({ minHealthy: 3, maxTotal: 4 });
  expect(capacities({ ...pod('p', 1), upgrade: { maximumOverCapacity: 0.5 } })).toEqual({
    minHealthy: 1,
    maxTotal: 2,
  });
});
