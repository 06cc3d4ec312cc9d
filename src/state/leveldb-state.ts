import * as fs from 'fs';
import * as path from 'path';
import { loadBinding } from '../native/load';
import { AbstractState } from './abstract-state';
import { databasePath } from './database-path';
import { checkNonEmptyString } from './validate';

/** @internal The file marking a directory as a LevelDBState's database (a Log refuses it). */
export const LEVELDB_STATE_MARKER = 'MESOS_NAPI_LEVELDB_STATE';

/**
 * A State in a LevelDB database at `path` (libmesos's LevelDBStorage), created if missing.
 * One LevelDBState per database at a time, however its path is spelled (symbolic links are
 * resolved): LevelDB locks the database, and a second one's operations fail with LevelDB's
 * lock error. The directory gets a file
 * `MESOS_NAPI_LEVELDB_STATE` (LevelDB ignores it) by which a Log refuses it as a replica.
 */
export class LevelDBState extends AbstractState {
  /** @param dbPath The database directory. */
  constructor(dbPath: string) {
    const checked = databasePath(checkNonEmptyString(dbPath, 'path'), 'path');
    try {
      fs.mkdirSync(checked);
    } catch {
      // There already, or LevelDB's open fails and says why.
    }
    try {
      fs.closeSync(fs.openSync(path.join(checked, LEVELDB_STATE_MARKER), 'a'));
    } catch {
      // Not writable: LevelDB's open fails too.
    }
    const binding = loadBinding();
    super(Promise.resolve(new binding.State('leveldb', checked)));
  }
}
