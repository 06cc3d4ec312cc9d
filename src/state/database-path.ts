import * as fs from 'fs';
import * as path from 'path';
import { InvalidArgumentError } from '../errors';

/**
 * @internal The one spelling of a LevelDB database directory, which may not exist yet:
 * symbolic links and '..' resolved as the kernel resolves them (realpath(3):
 * fs.realpathSync takes '..' away by the letters first). LevelDB refuses a second
 * open of a database in one process only when it is spelled the same, so two spellings
 * would open one database twice.
 */
export function databasePath(value: string, argument: string): string {
  try {
    return fs.realpathSync.native(value);
  } catch {
    // Not there yet (or not reachable: the checks that follow say why).
  }
  if (isLink(value)) {
    throw new InvalidArgumentError(
      argument,
      `${value} is a symbolic link to ${fs.readlinkSync(value)}, which does not exist`,
    );
  }
  const name = path.basename(value);
  if (name === '.' || name === '..') return path.resolve(value);
  try {
    return path.join(fs.realpathSync.native(path.dirname(value)), name);
  } catch {
    return path.resolve(value);
  }
}

/** Whether value is a symbolic link; false when it cannot be read (under a regular file). */
function isLink(value: string): boolean {
  try {
    return fs.lstatSync(value, { throwIfNoEntry: false })?.isSymbolicLink() ?? false;
  } catch {
    return false;
  }
}
