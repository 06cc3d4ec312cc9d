/**
 * The .proto files (under a Mesos include directory) the messages come from: the classic
 * drivers' (first) and the v1 HTTP API's.
 */
export const PROTO_FILES = [
  'mesos/mesos.proto',
  'mesos/scheduler/scheduler.proto',
  'mesos/v1/mesos.proto',
  'mesos/v1/scheduler/scheduler.proto',
  'mesos/v1/executor/executor.proto',
] as const;

/** Packages whose messages get TypeScript types in types.generated.ts. */
export const TYPED_PACKAGES = ['mesos', 'mesos.scheduler'] as const;

/** Packages whose messages get TypeScript types in v1/types.generated.ts (the `v1` namespace). */
export const V1_TYPED_PACKAGES = ['mesos.v1', 'mesos.v1.scheduler', 'mesos.v1.executor'] as const;
