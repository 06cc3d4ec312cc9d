import type { State, Variable } from '../../../src';

// The cases of Mesos's src/tests/state_tests.cpp, for any State. Values are text here
// (Mesos's tests store a Registry::Slaves protobuf).
const text = (variable: Variable) => new TextDecoder().decode(variable.value);
const bytes = (value: string) => new TextEncoder().encode(value);

export function stateCases(make: () => State | Promise<State>): void {
  test('FetchAndStoreAndFetch', async () => {
    const state = await make();
    const variable = await state.fetch('slaves');
    expect(variable.value).toEqual(new Uint8Array());
    expect(await state.store(variable.mutate(bytes('localhost')))).not.toBeNull();
    expect(text(await state.fetch('slaves'))).toBe('localhost');
  });

  test('FetchAndStoreAndStoreAndFetch', async () => {
    const state = await make();
    const variable = await state.fetch('slaves');
    const stored = await state.store(variable.mutate(bytes('localhost')));
    expect(stored).not.toBeNull();
    expect(await state.store(stored!)).not.toBeNull();
    expect(text(await state.fetch('slaves'))).toBe('localhost');
  });

  test('FetchAndStoreAndStoreFailAndFetch: a stale variable stores nothing (null)', async () => {
    const state = await make();
    const variable1 = await state.fetch('slaves');
    expect(await state.store(variable1.mutate(bytes('localhost1')))).not.toBeNull();
    // variable1 is unchanged by mutate(), and now stale.
    expect(variable1.value).toEqual(new Uint8Array());
    expect(await state.store(variable1.mutate(bytes('localhost2')))).toBeNull();
    expect(text(await state.fetch('slaves'))).toBe('localhost1');
  });

  test('FetchAndStoreAndExpungeAndFetch', async () => {
    const state = await make();
    const variable = await state.fetch('slaves');
    const stored = await state.store(variable.mutate(bytes('localhost')));
    expect(await state.expunge(stored!)).toBe(true);
    expect((await state.fetch('slaves')).value).toEqual(new Uint8Array());
  });

  test('FetchAndStoreAndExpungeAndExpunge', async () => {
    const state = await make();
    const variable = await state.fetch('slaves');
    const stored = await state.store(variable.mutate(bytes('localhost')));
    expect(await state.expunge(stored!)).toBe(true);
    expect(await state.expunge(stored!)).toBe(false);
  });

  test('FetchAndStoreAndExpungeAndStoreAndFetch', async () => {
    const state = await make();
    const variable = await state.fetch('slaves');
    const stored = await state.store(variable.mutate(bytes('localhost')));
    expect(await state.expunge(stored!)).toBe(true);
    expect(await state.store(stored!)).not.toBeNull();
    expect(text(await state.fetch('slaves'))).toBe('localhost');
  });

  test('Names', async () => {
    const state = await make();
    const variable = await state.fetch('slaves');
    expect(await state.store(variable.mutate(bytes('localhost')))).not.toBeNull();
    expect(await state.names()).toEqual(['slaves']);
  });
}
