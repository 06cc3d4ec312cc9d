import type { TaskStatus } from '../../../src/messages';
import {
  describeStatus,
  isExecutorUpdate,
  isReregistrationAnnouncement,
} from '../../support/comparison';

// The comparison suite leaves two races out by the lines describeStatus() makes: they must
// be recognised with the fields every line now ends with.
const status = (fields: Partial<TaskStatus>) =>
  describeStatus({
    taskId: { value: 'kept' },
    state: 'TASK_RUNNING',
    slaveId: { value: 'agent-1' },
    containerStatus: { networkInfos: [] },
    ...fields,
  } as TaskStatus);

test("the master's announcement of a reregistered agent's task is recognised", () => {
  const line = status({
    reason: 'REASON_SLAVE_REREGISTERED',
    source: 'SOURCE_MASTER',
    message: 'Unknown agent reregistered',
  });
  expect(isReregistrationAnnouncement(line)).toBe(true);
  expect(isExecutorUpdate(line)).toBe(false);
});

test("an executor's update is recognised; a reconciliation answer is neither", () => {
  expect(isExecutorUpdate(status({ source: 'SOURCE_EXECUTOR' }))).toBe(true);
  const answer = status({
    reason: 'REASON_RECONCILIATION',
    source: 'SOURCE_MASTER',
    message: 'Reconciliation: Latest task state',
  });
  expect(isExecutorUpdate(answer)).toBe(false);
  expect(isReregistrationAnnouncement(answer)).toBe(false);
});
