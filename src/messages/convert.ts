import { InvalidArgumentError } from '../errors';
import { describe } from './describe';

/**
 * Checks a plain value against a field's type and turns it into what protobufjs writes;
 * depth counts the messages around it.
 */
export type Convert = (value: unknown, path: string, depth: number) => unknown;

export function fail(path: string, expected: string, value: unknown): never {
  throw new InvalidArgumentError(path, `expected ${expected}, got ${describe(value)}`);
}

/**
 * Runs the step that reads and converts the value at `path`. Whatever else it throws (a
 * getter, a Proxy trap) becomes an InvalidArgumentError naming the path, with it as cause.
 */
export function at<T>(path: string, step: () => T): T {
  try {
    return step();
  } catch (error) {
    if (error instanceof InvalidArgumentError) throw error;
    throw new InvalidArgumentError(path, `could not be encoded: ${errorText(error)}`, {
      cause: error,
    });
  }
}

function errorText(error: unknown): string {
  try {
    return error instanceof Error ? error.message : String(error);
  } catch {
    return 'an exception';
  }
}
