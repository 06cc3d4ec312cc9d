import type { Variable } from 'mesos-napi';
import { SimulatedState } from 'mesos-napi/testing';
import { checkZnodeName } from '../../../src/state/validate';
import { cluster, liveTasks, pod, runService, service } from './harness';

/** A SimulatedState that records what it stored: the service's record, or an instance's id. */
class RecordingState extends SimulatedState {
  readonly stored: string[] = [];

  override async store(variable: Variable): Promise<Variable | null> {
    const stored = await super.store(variable);
    const record = JSON.parse(new TextDecoder().decode(variable.value));
    if (stored) this.stored.push('writes' in record ? 'service' : record.id);
    return stored;
  }
}

test('the record: one variable for the service, one per instance, every name a valid znode name', async () => {
  const c = cluster();
  const state = new SimulatedState();
  const { scheduler, driver } = runService(c, service(pod('web', 3)), { state });
  await c.advance('2s');
  const names = await state.names();
  expect(names).toEqual([
    'service.shop',
    'service.shop.instance.web-0',
    'service.shop.instance.web-1',
    'service.shop.instance.web-2',
  ]);
  for (const name of names) expect(checkZnodeName(name, 'name')).toBe(name);
  await scheduler.scale('web', 1);
  await c.advance('2s');
  expect(await state.names()).toEqual(['service.shop', 'service.shop.instance.web-0']);
  expect(liveTasks(c)).toHaveLength(1);
  driver.stop();
  scheduler.close();
});

test('an update of one instance writes the service’s variable and that instance’s, no other', async () => {
  const c = cluster();
  const state = new RecordingState();
  const { scheduler, driver } = runService(c, service(pod('web', 3)), { state });
  await c.advance('2s');
  state.stored.length = 0;
  const victim = liveTasks(c).find((t) => t.instance === 'web-1')!;
  driver.killTask({ value: victim.taskId });
  await c.advance('5s');
  expect(
    liveTasks(c)
      .map((t) => t.instance)
      .sort(),
  ).toEqual(['web-0', 'web-1', 'web-2']);
  expect(state.stored.length).toBeGreaterThan(0);
  expect(new Set(state.stored)).toEqual(new Set(['service', 'web-1']));
  driver.stop();
  scheduler.close();
});
