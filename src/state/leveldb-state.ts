import { loadBinding } from '../native/load';
import { AbstractState } from './abstract-state';
import { checkNonEmptyString } from './validate';

/**
 * A State in a LevelDB database at `path` (libmesos's LevelDBStorage), created if missing.
 * One LevelDBState per path at a time: LevelDB locks the database, and a second one's
 * operations fail with LevelDB's lock error.
 */
export class LevelDBState extends AbstractState {
  /** @param path The database directory. */
  constructor(path: string) {
    const checked = checkNonEmptyString(path, 'path');
    const binding = loadBinding();
    super(Promise.resolve(new binding.State('leveldb', checked)));
  }
}
