import type { HealthCheckTiming } from '../../helpers';

/**
 * What should run: one or more pods, each kept at its number of instances. Plain data, so
 * that the same definition can be written as JSON and read with parseServiceDefinition().
 */
export interface ServiceDefinition {
  /** The service's name: the first part of every task id (letters, digits, '-', '_'). */
  name: string;
  /** Its pods, each with a distinct name. */
  pods: PodDefinition[];
}

/** One kind of instance: what each runs, how many, where, and how it restarts and updates. */
export interface PodDefinition {
  /** Unique in the service (letters, digits, '-', '_'); instances are `<name>-<n>`. */
  name: string;
  /** How many instances to keep running (0 or more). */
  instances: number;
  /** What each instance's task takes from an offer. */
  resources: PodResources;
  /** A shell command (string) or a program and its arguments (array); or give `executor`. */
  command?: string | string[];
  /** Your own executor, started once per instance, running its task; or give `command`. */
  executor?: PodExecutor;
  /**
   * Run the command in a container (not with `executor`). With an image, `command` may be
   * left out: the image's entrypoint runs.
   */
  container?: PodContainer;
  /** Environment variables of the command (or executor). PORT0…, PORTS and HOST are added. */
  environment?: Record<string, string>;
  /** What the fetcher downloads into the sandbox first. */
  uris?: (string | PodUri)[];
  /** Labels on each task. */
  labels?: Record<string, string>;
  /** The task's health check, run by its executor. */
  healthCheck?: PodHealthCheck;
  /** Seconds between SIGTERM and SIGKILL when the task is killed. */
  killPolicy?: { gracePeriodSeconds: number };
  /** When an ended task is launched again, and with what delay. */
  restart?: RestartPolicy;
  /** Placement constraints, as Marathon writes them: `['hostname', 'UNIQUE']`. */
  constraints?: Constraint[];
  /**
   * Persistent volumes. An instance of such a pod is resident: its first launch reserves its
   * resources for `resources.role` and creates its volumes on that agent, and every later
   * launch is on the same agent with the same volumes (its data kept). The framework needs
   * the MULTI_ROLE and RESERVATION_REFINEMENT capabilities and the role among its roles.
   */
  volumes?: PodVolume[];
  /** How a changed definition replaces instances. */
  upgrade?: UpgradeStrategy;
}

/** What each instance of a pod takes from an offer. */
export interface PodResources {
  /** CPUs. */
  cpus: number;
  /** MB. */
  mem: number;
  /** MB. */
  disk?: number;
  /** GPUs (a whole number). */
  gpus?: number;
  /** A count of ports (any from the offer), or the port numbers themselves. */
  ports?: number | number[];
  /**
   * Take only resources reserved for this role, or (MULTI_ROLE frameworks, whose offers say
   * which role they are for) allocated to it. Default: any offered.
   */
  role?: string;
}

/**
 * Mesos's containerizer (with a Docker image, or none), or Docker's. `portMappings[i]` maps
 * the instance's port i (PORT<i>) to `containerPort`.
 */
export type PodContainer =
  | { type: 'MESOS'; image?: string; forcePullImage?: boolean }
  | {
      type: 'DOCKER';
      image: string;
      network?: 'HOST' | 'BRIDGE' | 'NONE' | 'USER';
      portMappings?: { containerPort: number; protocol?: 'tcp' | 'udp' }[];
      privileged?: boolean;
      forcePullImage?: boolean;
      parameters?: Record<string, string>;
    };

/** A custom executor for a pod's tasks. */
export interface PodExecutor {
  /** How the agent starts it: a shell command, or argv without a shell. */
  command: string | string[];
  /** What the executor itself holds, besides its task (default 0.1 cpus, 32 MB). */
  resources?: { cpus?: number; mem?: number; disk?: number };
}

/** A persistent volume of each instance. */
export interface PodVolume {
  /** Where the task sees it, relative to its sandbox (`data`). */
  containerPath: string;
  /** Its size, in MB of the agent's disk. */
  sizeMB: number;
}

/** A URI the fetcher downloads into the sandbox before the task starts. */
export interface PodUri {
  /** The URI. */
  value: string;
  /** Extract an archive (default true, as Mesos). */
  extract?: boolean;
  /** Make the file executable. */
  executable?: boolean;
  /** Use the fetcher's cache. */
  cache?: boolean;
  /** The file name in the sandbox. */
  outputFile?: string;
}

/**
 * A COMMAND, HTTP or TCP health check that the executor runs. `portIndex` picks one of the
 * instance's ports (as PORT<n>); `port` names a number.
 */
export type PodHealthCheck = HealthCheckTiming &
  (
    | { command: string | string[] }
    | { http: { portIndex?: number; port?: number; path?: string; scheme?: 'http' | 'https' } }
    | { tcp: { portIndex?: number; port?: number } }
  );

/**
 * When an instance whose task ended is launched again, and after how long (Marathon's
 * backoff): the n-th failure in a row waits `backoffSeconds × backoffFactor^(n-1)`, at most
 * `maxLaunchDelaySeconds`.
 */
export interface RestartPolicy {
  /**
   * always (default): whenever the task ends. on-failure: unless it finished
   * (TASK_FINISHED). never: the instance stays ended.
   */
  policy?: 'always' | 'on-failure' | 'never';
  /** Default 1. */
  backoffSeconds?: number;
  /** Default 1.15. */
  backoffFactor?: number;
  /** Default 300. */
  maxLaunchDelaySeconds?: number;
  /**
   * A task that ran (and, with a health check, was healthy) this long before it ended
   * starts the count of failures afresh (default 300).
   */
  resetAfterSeconds?: number;
}

/** Marathon's constraint operators. */
export type ConstraintOperator =
  'UNIQUE' | 'CLUSTER' | 'GROUP_BY' | 'LIKE' | 'UNLIKE' | 'MAX_PER' | 'IS';

/** `[field, operator]` or `[field, operator, value]`; field is 'hostname' or an attribute. */
export type Constraint = [string, ConstraintOperator] | [string, ConstraintOperator, string];

/**
 * How a changed pod replaces its instances (Marathon's upgradeStrategy): at least
 * `minimumHealthCapacity × instances` stay healthy, at most
 * `(1 + maximumOverCapacity) × instances` run at once.
 */
export interface UpgradeStrategy {
  /** 0 to 1; default 1 (an old instance goes only once a new one is healthy). */
  minimumHealthCapacity?: number;
  /** 0 to 1; default 1. */
  maximumOverCapacity?: number;
  /** The update fails once new instances of this pod ended this many times (default 3). */
  maxFailures?: number;
}
