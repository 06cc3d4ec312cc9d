import type { ServiceDefinition } from '../definition/types';
import type { InstanceRecord } from './instance';

/** A rolling update in progress, done, or failed. */
export interface DeploymentRecord {
  id: number;
  /** The definition version it moves to (from version - 1). */
  version: number;
  startedAt: number;
  /** superseded: another update came before it ended. */
  state: 'running' | 'succeeded' | 'failed' | 'superseded';
  /** The pods it replaces instances of (their task changed). */
  pods: string[];
  /** Failed launches of the new version, per pod. */
  failures: Record<string, number>;
  endedAt?: number;
  /** Why it failed. */
  reason?: string;
}

/** Everything a service keeps in its State: enough for another scheduler to take over. */
export interface ServiceSnapshot {
  format: 1;
  frameworkId?: string;
  version: number;
  definition: ServiceDefinition;
  /** Earlier definitions that instances still run, by version. */
  older: Record<string, ServiceDefinition>;
  instances: InstanceRecord[];
  /** The next instance number, per pod. */
  next: Record<string, number>;
  deployment?: DeploymentRecord;
  deployments: number;
}
