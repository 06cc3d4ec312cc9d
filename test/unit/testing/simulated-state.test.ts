import { Variable } from 'mesos-napi';
import { SimulatedState } from 'mesos-napi/testing';

const text = (variable: Variable) => new TextDecoder().decode(variable.value);
const bytes = (value: string) => new TextEncoder().encode(value);

test('SimulatedState: versioned stores, stale variables refused, expunge, names', async () => {
  const state = new SimulatedState();
  const empty = await state.fetch('a');
  expect(empty).toBeInstanceOf(Variable);
  expect(text(empty)).toBe('');
  const stored = await state.store(empty.mutate(bytes('one')));
  expect(text(stored!)).toBe('one');
  // `empty` was fetched before the store: stale.
  expect(await state.store(empty.mutate(bytes('two')))).toBeNull();
  expect(await state.expunge(empty)).toBe(false);
  const again = await state.store(stored!.mutate(bytes('two')));
  expect(text(await state.fetch('a'))).toBe('two');
  await state.store((await state.fetch('b')).mutate(bytes('x')));
  expect(await state.names()).toEqual(['a', 'b']);
  expect(await state.expunge(stored!)).toBe(false);
  expect(await state.expunge(again!)).toBe(true);
  expect(await state.names()).toEqual(['b']);
  // A variable fetched before the expunge is stale too, once another store came after it.
  const before = await state.fetch('a');
  await state.store((await state.fetch('a')).mutate(bytes('three')));
  expect(await state.store(before.mutate(bytes('four')))).toBeNull();
});

test('SimulatedState checks its arguments as every State does', async () => {
  const state = new SimulatedState();
  await expect(state.fetch(42 as unknown as string)).rejects.toThrow(/^name: /);
  await expect(state.store({} as Variable)).rejects.toThrow('variable: expected a Variable');
});
