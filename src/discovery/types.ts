/** Which rule found (or rejected) a Mesos installation, in the order they are tried. */
export type DiscoveryRule =
  | 'MESOS_HOME'
  | 'MESOS_NATIVE_JAVA_LIBRARY'
  | 'MESOS_NATIVE_LIBRARY'
  | 'pkg-config'
  | 'PATH'
  | 'default-prefix';

/** Whether the protobuf headers the addon compiles with are those libmesos was built with. */
export interface ProtobufCheck {
  /** GOOGLE_PROTOBUF_VERSION of the headers the addon would compile with, e.g. 3021012. */
  headerVersion?: number;
  /** The protobuf header (google/protobuf/stubs/common.h) that version was read from. */
  headerFile?: string;
  /** The protoc version that generated libmesos's installed mesos.pb.h. */
  generatedWith?: number;
  /** undefined when both versions are known and agree, else what is wrong. */
  problem?: string;
}

/** A usable Mesos installation: what the addon is built against and the tests run. */
export interface MesosInstall {
  /** The rule that found it. */
  rule: DiscoveryRule;
  /** The installation prefix, e.g. /opt/mesos. */
  prefix: string;
  /** Mesos's version, from its headers, e.g. 1.12.0. */
  version: string;
  /** The directory holding mesos/scheduler.hpp. */
  includeDir: string;
  /** Include directories for compiling against libmesos, in order. */
  includeDirs: string[];
  /** The directory of libmesos.so. */
  libraryDir: string;
  /** The path of libmesos.so. */
  library: string;
  /** Extra compile flags (pkg-config's, less the -I flags). */
  cflags: string[];
  /** The directory that holds mesos/mesos.proto. */
  protoRoot?: string;
  /** mesos-master and mesos-agent, when installed. */
  master?: string;
  /** mesos-agent, when installed. */
  agent?: string;
  /** The protobuf version check. */
  protobuf: ProtobufCheck;
  /**
   * The directory of the ZooKeeper C client's zookeeper.h, which libmesos's state and log
   * headers include as <zookeeper.h>, when it is not in includeDirs: the `zookeeper`
   * directory beside Mesos's or the system's headers (Debian's libzookeeper-mt-dev).
   */
  zookeeperIncludeDir?: string;
}

/** A candidate installation passed over, and why. */
export interface Rejection {
  /** The rule that proposed it. */
  rule: DiscoveryRule;
  /** The path or variable looked at. */
  candidate: string;
  /** Why it is not usable. */
  reason: string;
}

/** What findMesos() found: the installation it takes, and every candidate passed over. */
export interface Discovery {
  /** The first usable installation, if any. */
  install?: MesosInstall;
  /** The candidates passed over before it (or all of them), in order. */
  rejected: Rejection[];
}

/** Options of findMesos(). */
export interface DiscoveryOptions {
  /** The environment to read MESOS_HOME and the other variables from; default process.env. */
  env?: NodeJS.ProcessEnv;
  /** Prefixes tried last; defaults to /usr/local, /usr, /opt/mesos. */
  fallbackPrefixes?: string[];
}
