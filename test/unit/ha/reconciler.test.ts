import type { Offer, TaskStatus } from '../../../src/messages/message-types';
import { Reconciler } from '../../../src/ha/reconciler';
import type { SchedulerDriver } from '../../../src/scheduler/scheduler-driver';

function fakeDriver() {
  const calls: string[] = [];
  const driver = {
    reconcileTasks: () => calls.push('reconcile'),
    declineOffer: (id: { value: string }) => calls.push(`decline ${id.value}`),
    reviveOffers: () => calls.push('revive'),
  } as unknown as SchedulerDriver;
  return { driver, calls };
}
const offer = (id: string, agent: string) =>
  ({ id: { value: id }, slaveId: { value: agent } }) as unknown as Offer;
const status = (task: string) => ({ taskId: { value: task }, state: 'TASK_RUNNING' }) as TaskStatus;

describe('Reconciler', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  test('an agent offers only after a reconciliation begun after its first offer has been quiet', () => {
    const { driver, calls } = fakeDriver();
    const rounds: string[][] = [];
    const reconciler = new Reconciler(driver, 50, (s) => rounds.push(s.map((x) => x.taskId.value)));
    reconciler.restart();
    expect(calls).toEqual(['reconcile']);
    // During the first round: declined; a second round, begun after it, will cover agent-1.
    expect(reconciler.filter([offer('o1', 'agent-1')])).toEqual([]);
    reconciler.saw(status('t1'));
    jest.advanceTimersByTime(50);
    expect(rounds).toEqual([['t1']]);
    expect(calls).toEqual(['reconcile', 'decline o1', 'revive', 'reconcile']);
    // The second round is still open: agent-1 still waits.
    expect(reconciler.filter([offer('o2', 'agent-1')])).toEqual([]);
    jest.advanceTimersByTime(50);
    expect(rounds).toEqual([['t1'], []]);
    expect(reconciler.filter([offer('o3', 'agent-1')])).toEqual([offer('o3', 'agent-1')]);
    reconciler.stop();
  });

  test('updates keep a round open; restart() and forget() make agents wait again', () => {
    const { driver, calls } = fakeDriver();
    const reconciler = new Reconciler(driver, 60, () => undefined);
    reconciler.restart();
    reconciler.filter([offer('o1', 'a')]);
    jest.advanceTimersByTime(40);
    reconciler.saw(status('t'));
    jest.advanceTimersByTime(40);
    expect(calls.filter((c) => c === 'revive')).toEqual([]);
    jest.advanceTimersByTime(200);
    expect(reconciler.filter([offer('o2', 'a')])).toHaveLength(1);
    reconciler.forget('a');
    expect(reconciler.filter([offer('o3', 'a')])).toEqual([]);
    jest.advanceTimersByTime(100);
    expect(reconciler.filter([offer('o4', 'a')])).toHaveLength(1);
    reconciler.restart();
    expect(reconciler.filter([offer('o5', 'a')])).toEqual([]);
    reconciler.stop();
  });
});
