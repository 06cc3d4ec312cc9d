import { InvalidArgumentError } from '../../errors';
import { decode, encode } from '../../messages/codec';
import type { Call, CallType } from '../messages';
import { checkUuid } from '../uuid';

/** The field each call type must carry (libmesos's validation::scheduler::call::validate). */
const BODY: Partial<Record<CallType, keyof Call>> = {
  SUBSCRIBE: 'subscribe',
  ACCEPT: 'accept',
  DECLINE: 'decline',
  ACCEPT_INVERSE_OFFERS: 'acceptInverseOffers',
  DECLINE_INVERSE_OFFERS: 'declineInverseOffers',
  KILL: 'kill',
  SHUTDOWN: 'shutdown',
  ACKNOWLEDGE: 'acknowledge',
  ACKNOWLEDGE_OPERATION_STATUS: 'acknowledgeOperationStatus',
  RECONCILE: 'reconcile',
  RECONCILE_OPERATIONS: 'reconcileOperations',
  MESSAGE: 'message',
  REQUEST: 'request',
  UPDATE_FRAMEWORK: 'updateFramework',
};

/** Encoded, and read back from the bytes (the object was read once, by the codec). */
export interface CheckedCall {
  bytes: Uint8Array;
  call: Call;
}

/**
 * Encodes a v1 scheduler call and applies the checks libmesos applies before sending it
 * (it drops a call that fails them, with nothing but a log line): an InvalidArgumentError
 * names the field.
 */
export function checkCall(value: unknown, where: string): CheckedCall {
  const bytes = encode('mesos.v1.scheduler.Call', value, where);
  const call = decode<Call>('mesos.v1.scheduler.Call', bytes);
  if (call.type === undefined) throw new InvalidArgumentError(`${where}.type`, 'is required');
  const body = BODY[call.type];
  if (body && call[body] === undefined) {
    throw new InvalidArgumentError(`${where}.${body}`, `is required in a ${call.type} call`);
  }
  if (call.type === 'SUBSCRIBE') {
    if (call.subscribe!.frameworkInfo.user === '') {
      throw new InvalidArgumentError(
        `${where}.subscribe.frameworkInfo.user`,
        "is empty: unlike the scheduler driver, the v1 API does not fill in the current user (os.userInfo().username), and agents cannot run tasks as ''",
      );
    }
    const id = call.subscribe!.frameworkInfo.id?.value;
    if (id !== call.frameworkId?.value) {
      throw new InvalidArgumentError(
        `${where}.frameworkId`,
        `must equal ${where}.subscribe.frameworkInfo.id (${show(id)}), got ${show(call.frameworkId?.value)}`,
      );
    }
    return { bytes, call };
  }
  if (call.frameworkId === undefined) {
    throw new InvalidArgumentError(
      `${where}.frameworkId`,
      `is required in a ${call.type} call (the id the SUBSCRIBED event gave)`,
    );
  }
  if (call.type === 'ACKNOWLEDGE') checkUuid(call.acknowledge!.uuid, `${where}.acknowledge.uuid`);
  if (call.type === 'ACKNOWLEDGE_OPERATION_STATUS') {
    const ack = call.acknowledgeOperationStatus!;
    checkUuid(ack.uuid, `${where}.acknowledgeOperationStatus.uuid`);
    if (ack.agentId === undefined) {
      throw new InvalidArgumentError(`${where}.acknowledgeOperationStatus.agentId`, 'is required');
    }
  }
  if (call.type === 'UPDATE_FRAMEWORK') {
    const id = call.updateFramework!.frameworkInfo.id?.value;
    if (id !== call.frameworkId.value) {
      throw new InvalidArgumentError(
        `${where}.updateFramework.frameworkInfo.id`,
        `must equal ${where}.frameworkId (${show(call.frameworkId.value)}), got ${show(id)}`,
      );
    }
  }
  return { bytes, call };
}

function show(value: string | undefined): string {
  return value === undefined ? 'none' : `'${value}'`;
}
