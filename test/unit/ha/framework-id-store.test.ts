import { InvalidArgumentError } from '../../../src/errors';
import { FrameworkIdStore } from '../../../src/ha/framework-id-store';
import { MemoryState } from './memory-state';

describe('FrameworkIdStore', () => {
  test('nothing stored: load() is undefined; save() then load() gives the id back', async () => {
    const store = new FrameworkIdStore(new MemoryState());
    expect(await store.load()).toBeUndefined();
    await store.save({ value: 'abc-0001' });
    expect(await store.load()).toEqual({ value: 'abc-0001' });
  });

  test('a second process reads what the first stored (same State, another store object)', async () => {
    const state = new MemoryState();
    await new FrameworkIdStore(state, 'my-id').save({ value: 'first' });
    expect(await new FrameworkIdStore(state, 'my-id').load()).toEqual({ value: 'first' });
    expect(await new FrameworkIdStore(state).load()).toBeUndefined();
  });

  test('save() retries when another process stored in between (versioned store)', async () => {
    const state = new MemoryState();
    const store = new FrameworkIdStore(state);
    let interfere = true;
    state.before = async (operation) => {
      if (operation === 'store' && interfere) {
        interfere = false;
        await new FrameworkIdStore(new MemoryStateView(state)).save({ value: 'other' });
      }
    };
    await store.save({ value: 'mine' });
    expect(await store.load()).toEqual({ value: 'mine' });
    expect(state.entries.get('framework-id')!.version).toBe(2);
  });

  test('clear(id) removes only that id: a newer id stored by another process stays', async () => {
    const state = new MemoryState();
    const store = new FrameworkIdStore(state);
    await store.save({ value: 'old' });
    await store.save({ value: 'new' });
    expect(await store.clear({ value: 'old' })).toBe(false);
    expect(await store.load()).toEqual({ value: 'new' });
    expect(await store.clear({ value: 'new' })).toBe(true);
    expect(await store.load()).toBeUndefined();
    expect(await store.clear()).toBe(false);
  });

  test('bad input names the argument', async () => {
    expect(() => new FrameworkIdStore(undefined as never)).toThrow(InvalidArgumentError);
    expect(() => new FrameworkIdStore(new MemoryState(), '')).toThrow('name: expected');
    const store = new FrameworkIdStore(new MemoryState());
    await expect(store.save({ value: '' })).rejects.toThrow('id: expected a FrameworkID');
  });
});

/** The same entries, without the interfering hook (another process's view). */
class MemoryStateView extends MemoryState {
  constructor(shared: MemoryState) {
    super();
    (this as { entries: MemoryState['entries'] }).entries = shared.entries;
  }
}
