import { InvalidArgumentError } from '../../errors';
import { decode, encode } from '../../messages/codec';
import type { ExecutorCall } from '../messages';
import { checkUuid } from '../uuid';

/**
 * Encodes a v1 executor call and applies the checks libmesos applies before sending it
 * (common/validation.cpp, validateExecutorCall; it drops a call that fails them with
 * nothing but a log line): an InvalidArgumentError names the field.
 */
export function checkExecutorCall(
  value: unknown,
  where: string,
): { bytes: Uint8Array; call: ExecutorCall } {
  const bytes = encode('mesos.v1.executor.Call', value, where);
  const call = decode<ExecutorCall>('mesos.v1.executor.Call', bytes);
  const fail = (field: string, message: string): never => {
    throw new InvalidArgumentError(`${where}.${field}`, message);
  };
  if (call.type === undefined) fail('type', 'is required');
  if (call.executorId === undefined) fail('executorId', 'is required (MESOS_EXECUTOR_ID)');
  if (call.frameworkId === undefined) fail('frameworkId', 'is required (MESOS_FRAMEWORK_ID)');
  if (call.type === 'SUBSCRIBE' && call.subscribe === undefined) {
    fail('subscribe', 'is required in a SUBSCRIBE call');
  }
  if (call.type === 'MESSAGE' && call.message === undefined) {
    fail('message', 'is required in a MESSAGE call');
  }
  if (call.type === 'UPDATE') {
    if (call.update === undefined) fail('update', 'is required in an UPDATE call');
    const status = call.update!.status;
    if (status.uuid === undefined) fail('update.status.uuid', 'is required (newUuid())');
    checkUuid(status.uuid!, `${where}.update.status.uuid`);
    if (status.executorId && status.executorId.value !== call.executorId!.value) {
      fail(
        'update.status.executorId',
        `'${status.executorId.value}' differs from ${where}.executorId '${call.executorId!.value}'`,
      );
    }
    if (status.source !== 'SOURCE_EXECUTOR') {
      fail('update.status.source', `must be SOURCE_EXECUTOR, got ${status.source ?? 'none'}`);
    }
    if (status.state === 'TASK_STAGING') {
      fail('update.status.state', 'TASK_STAGING is not allowed from an executor');
    }
  }
  return { bytes, call };
}
