import * as os from 'os';
import { InvalidArgumentError } from '../errors';

/**
 * libmesos fills in an empty FrameworkInfo.user with the name of the user this process
 * runs as, and CHECK-fails (killing the process) when that uid has no passwd entry, as is
 * common in containers that run under a random uid.
 */
export function checkFrameworkUser(framework: unknown, where: string): void {
  if ((framework as { user?: unknown }).user !== '') return;
  try {
    os.userInfo();
  } catch (cause) {
    throw new InvalidArgumentError(
      `${where}.user`,
      `is empty, so libmesos would fill in the user this process runs as, but uid ${process.getuid?.()} has no passwd entry and libmesos would kill the process; set user to the name tasks should run as`,
      { cause },
    );
  }
}
