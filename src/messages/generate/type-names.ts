/**
 * TypeScript name of a protobuf type. Classic: mesos.Offer.Operation -> Offer_Operation,
 * mesos.scheduler.X -> Scheduler_X. v1 (its own module): mesos.v1.Offer -> Offer,
 * mesos.v1.scheduler.X -> Scheduler_X, mesos.v1.executor.X -> Executor_X.
 */
export function tsName(fullName: string): string {
  let name = fullName.replace(/^\./, '');
  if (name.startsWith('mesos.v1.')) name = 'mesos.' + name.slice('mesos.v1.'.length);
  if (name.startsWith('mesos.scheduler.')) {
    return 'Scheduler_' + name.slice('mesos.scheduler.'.length).replace(/\./g, '_');
  }
  if (name.startsWith('mesos.executor.')) {
    return 'Executor_' + name.slice('mesos.executor.'.length).replace(/\./g, '_');
  }
  return name.replace(/^mesos\./, '').replace(/\./g, '_');
}
