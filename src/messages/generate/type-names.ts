/** TypeScript name of a protobuf type: mesos.Offer.Operation -> Offer_Operation, mesos.scheduler.X -> Scheduler_X. */
export function tsName(fullName: string): string {
  const name = fullName.replace(/^\./, '');
  if (name.startsWith('mesos.scheduler.')) {
    return 'Scheduler_' + name.slice('mesos.scheduler.'.length).replace(/\./g, '_');
  }
  return name.replace(/^mesos\./, '').replace(/\./g, '_');
}
