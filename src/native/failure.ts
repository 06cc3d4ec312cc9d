import { OperationFailedError, OperationTimeoutError, WriterFailedError } from '../errors';
import type { NativeFailureKind } from './binding';

/**
 * The package's error for a rejected native operation: OperationTimeoutError for a
 * timeout, else OperationFailedError (WriterFailedError for a writer), with libmesos's
 * message and the native error as `cause`.
 */
export function operationError(
  operation: string,
  error: unknown,
  failed: typeof OperationFailedError | typeof WriterFailedError = OperationFailedError,
): Error {
  const kind = (error as { kind?: NativeFailureKind } | null)?.kind;
  const message = error instanceof Error ? error.message : String(error);
  if (kind === undefined) return error instanceof Error ? error : new Error(message);
  if (kind === 'timeout') {
    return new OperationTimeoutError(`${operation} timed out (and was discarded)`, {
      cause: error,
    });
  }
  return new failed(`${operation} failed: ${message}`, { cause: error });
}
