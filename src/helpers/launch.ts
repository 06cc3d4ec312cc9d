import type { ExecutorInfo, Input, Offer_Operation, TaskInfo } from '../messages';
import { scalarTotal } from './resources';
import { InvalidArgumentError } from '../errors';

/** A LAUNCH operation, for acceptOffers (after RESERVE or CREATE, say). */
export function launch(tasks: Input<TaskInfo>[]): Input<Offer_Operation> {
  if (tasks.length === 0) throw new InvalidArgumentError('launch', 'no tasks given');
  return { type: 'LAUNCH', launch: { taskInfos: tasks } };
}

/** Mesos's minimum for an executor that runs a task group (master/constants.hpp). */
const MIN_EXECUTOR_CPUS = 0.01;
const MIN_EXECUTOR_MEM_MB = 32;

/**
 * A LAUNCH_GROUP operation: the tasks run together, each in its own nested container, under
 * one executor (usually executorInfo({ type: 'DEFAULT', … })). The master does not fill in
 * the executor's frameworkId here, and wants cpus, mem and disk of its own for it: these
 * are checked, with tasks that name another executor.
 */
export function launchGroup(
  executor: Input<ExecutorInfo>,
  tasks: Input<TaskInfo>[],
): Input<Offer_Operation> {
  if (tasks.length === 0) throw new InvalidArgumentError('launchGroup', 'no tasks given');
  if (!executor.frameworkId?.value) {
    throw new InvalidArgumentError(
      'launchGroup',
      'the executor needs frameworkId (the id registered() gave)',
    );
  }
  const resources = executor.resources ?? [];
  if (
    scalarTotal(resources, 'cpus') < MIN_EXECUTOR_CPUS ||
    scalarTotal(resources, 'mem') < MIN_EXECUTOR_MEM_MB ||
    !resources.some((r) => r.name === 'disk')
  ) {
    throw new InvalidArgumentError(
      'launchGroup',
      `the executor needs resources of its own: at least ${MIN_EXECUTOR_CPUS} cpus, ${MIN_EXECUTOR_MEM_MB} MB mem, and disk`,
    );
  }
  tasks.forEach((task, i) => {
    if (task.executor && task.executor.executorId.value !== executor.executorId.value) {
      throw new InvalidArgumentError('launchGroup', `tasks[${i}] names another executor`);
    }
  });
  return { type: 'LAUNCH_GROUP', launchGroup: { executor, taskGroup: { tasks } } };
}
