// The v1 HTTP API of Mesos (mesos.v1, mesos.v1.scheduler, mesos.v1.executor), exported from
// the package as the `v1` namespace.
export type * from './messages';
