import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

/**
 * What master=local needs from the environment: libmesos starts its in-process master and
 * agent from MESOS_* variables, inside the driver's constructor, and its defaults (cgroups
 * isolation, systemd, /var/lib/mesos) abort the whole process on most machines.
 */
export const LOCAL_MASTER_DEFAULTS: Readonly<Record<string, string>> = {
  MESOS_LAUNCHER: 'posix',
  MESOS_ISOLATION: 'posix/cpu,posix/mem',
  MESOS_SYSTEMD_ENABLE_SUPPORT: 'false',
  MESOS_CONTAINERIZERS: 'mesos',
};

/** What prepareLocalMaster() set for libmesos's in-process cluster. */
export interface LocalMasterEnvironment {
  /** The variables this call set (the user's own values are never replaced). */
  applied: Record<string, string>;
  /** A work directory created for the cluster, removed by cleanup(); undefined if given. */
  createdWorkDir?: string;
  /** Restores the environment and removes the work directory it created. */
  cleanup(): void;
}

export function isLocalMaster(master: string): boolean {
  return master === 'local' || master === 'localquiet';
}

/**
 * Fills in unset MESOS_* variables for master=local in env and returns them, for the
 * native driver to set in the real environment (where libmesos reads them).
 */
export function prepareLocalMaster(env: NodeJS.ProcessEnv = process.env): LocalMasterEnvironment {
  const applied: Record<string, string> = {};
  for (const [name, value] of Object.entries(LOCAL_MASTER_DEFAULTS)) {
    if (env[name] === undefined) applied[name] = env[name] = value;
  }
  let createdWorkDir: string | undefined;
  if (env.MESOS_WORK_DIR === undefined) {
    createdWorkDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mesos-napi-local-'));
    applied.MESOS_WORK_DIR = env.MESOS_WORK_DIR = createdWorkDir;
  }
  return {
    applied,
    createdWorkDir,
    cleanup: () => {
      if (createdWorkDir) fs.rmSync(createdWorkDir, { recursive: true, force: true });
    },
  };
}
