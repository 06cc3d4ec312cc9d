/** The .proto files (under a Mesos include directory) the classic drivers' messages come from. */
export const PROTO_FILES = ['mesos/mesos.proto', 'mesos/scheduler/scheduler.proto'] as const;

/** Packages whose messages get TypeScript types. */
export const TYPED_PACKAGES = ['mesos', 'mesos.scheduler'] as const;
