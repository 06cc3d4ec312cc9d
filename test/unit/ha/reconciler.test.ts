import type { Offer, TaskStatus } from '../../../src/messages/message-types';
import { OfferSuppression } from '../../../src/ha/offer-suppression';
import { Reconciler } from '../../../src/ha/reconciler';
import type { SchedulerDriver } from '../../../src/scheduler/scheduler-driver';

function fakeDriver() {
  const calls: string[] = [];
  const driver = {
    reconcileTasks: () => calls.push('reconcile'),
    declineOffer: (id: { value: string }) => calls.push(`decline ${id.value}`),
    reviveOffers: (roles?: string[]) => calls.push(roles ? `revive ${roles.join()}` : 'revive'),
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
    // During the first round: declined, and the round begins again, now after agent-1's
    // first offer: one quiet period covers it.
    expect(reconciler.filter([offer('o1', 'agent-1')])).toEqual([]);
    expect(calls).toEqual(['reconcile', 'decline o1', 'reconcile']);
    // Both reconciliations answer: the round reports each task once.
    reconciler.saw(status('t1'));
    reconciler.saw(status('t1'));
    jest.advanceTimersByTime(30);
    // Another offer of the same agent does not begin the round again.
    expect(reconciler.filter([offer('o2', 'agent-1')])).toEqual([]);
    jest.advanceTimersByTime(20);
    expect(rounds).toEqual([['t1']]);
    expect(calls).toEqual(['reconcile', 'decline o1', 'reconcile', 'decline o2', 'revive']);
    expect(reconciler.filter([offer('o3', 'agent-1')])).toEqual([offer('o3', 'agent-1')]);
    // A new agent: a round of its own (covered agents offer meanwhile).
    expect(reconciler.filter([offer('o4', 'agent-2'), offer('o5', 'agent-1')])).toEqual([
      offer('o5', 'agent-1'),
    ]);
    jest.advanceTimersByTime(50);
    expect(rounds).toEqual([['t1'], []]);
    expect(reconciler.filter([offer('o6', 'agent-2')])).toHaveLength(1);
    reconciler.stop();
  });

  test('a round that declined nothing revives nothing', () => {
    const { driver, calls } = fakeDriver();
    const reconciler = new Reconciler(driver, 50, () => undefined);
    reconciler.restart();
    jest.advanceTimersByTime(50);
    expect(calls).toEqual(['reconcile']);
    reconciler.stop();
  });

  test('offers the scheduler suppressed stay suppressed: revived only for the other roles', () => {
    const { driver, calls } = fakeDriver();
    const suppression = new OfferSuppression(['a', 'b']);
    const reconciler = new Reconciler(driver, 50, () => undefined, suppression);
    const round = (id: string) => {
      reconciler.forget('agent');
      reconciler.filter([offer(id, 'agent')]);
      jest.advanceTimersByTime(50);
      return calls.splice(0).filter((c) => c.startsWith('revive'));
    };
    reconciler.restart();
    suppression.suppress(undefined);
    expect(round('o1')).toEqual([]);
    suppression.revive(['b']);
    expect(round('o2')).toEqual(['revive b']);
    suppression.revive(undefined);
    expect(round('o3')).toEqual(['revive']);
    suppression.update(['a', 'c'], ['a', 'c']);
    expect(round('o4')).toEqual([]);
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
