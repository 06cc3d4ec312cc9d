/** Which rule found (or rejected) a Mesos installation, in the order they are tried. */
export type DiscoveryRule =
  | 'MESOS_HOME'
  | 'MESOS_NATIVE_JAVA_LIBRARY'
  | 'MESOS_NATIVE_LIBRARY'
  | 'pkg-config'
  | 'PATH'
  | 'default-prefix';

export interface ProtobufCheck {
  /** GOOGLE_PROTOBUF_VERSION of the headers the addon would compile with, e.g. 3021012. */
  headerVersion?: number;
  headerFile?: string;
  /** The protoc version that generated libmesos's installed mesos.pb.h. */
  generatedWith?: number;
  /** undefined when both versions are known and agree, else what is wrong. */
  problem?: string;
}

export interface MesosInstall {
  rule: DiscoveryRule;
  prefix: string;
  version: string;
  includeDir: string;
  /** Include directories for compiling against libmesos, in order. */
  includeDirs: string[];
  libraryDir: string;
  library: string;
  /** Extra compile flags (pkg-config's, less the -I flags). */
  cflags: string[];
  /** The directory that holds mesos/mesos.proto. */
  protoRoot?: string;
  /** mesos-master and mesos-agent, when installed. */
  master?: string;
  agent?: string;
  protobuf: ProtobufCheck;
  /**
   * The directory of the ZooKeeper C client's zookeeper.h, which libmesos's state and log
   * headers include as <zookeeper.h>, when it is not in includeDirs: the `zookeeper`
   * directory beside Mesos's or the system's headers (Debian's libzookeeper-mt-dev).
   */
  zookeeperIncludeDir?: string;
}

export interface Rejection {
  rule: DiscoveryRule;
  candidate: string;
  reason: string;
}

export interface Discovery {
  install?: MesosInstall;
  rejected: Rejection[];
}

export interface DiscoveryOptions {
  env?: NodeJS.ProcessEnv;
  /** Prefixes tried last; defaults to /usr/local, /usr, /opt/mesos. */
  fallbackPrefixes?: string[];
}
