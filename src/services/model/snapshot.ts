import type { ServiceDefinition } from '../definition/types';
import type { InstanceRecord } from './instance';

/** A rolling update in progress, done, or failed. */
export interface DeploymentRecord {
  /** The update's number, counted per service. */
  id: number;
  /** The definition version it moves to (from version - 1). */
  version: number;
  /** When it began (the scheduler clock's ms). */
  startedAt: number;
  /** superseded: another update came before it ended. */
  state: 'running' | 'succeeded' | 'failed' | 'superseded';
  /** The pods it replaces instances of (their task changed). */
  pods: string[];
  /** Failed launches of the new version, per pod. */
  failures: Record<string, number>;
  /** When it ended, if it has. */
  endedAt?: number;
  /** Why it failed. */
  reason?: string;
  /** While running: paused (pauseDeployment()), it takes no step until resumed. */
  paused?: boolean;
}

/** Everything a service keeps in its State: enough for another scheduler to take over. */
export interface ServiceSnapshot {
  /** The record's format version. */
  format: 1;
  /** The framework id the service registered with, once it has. */
  frameworkId?: string;
  /** The current definition's version, counted from 1. */
  version: number;
  /** The current definition. */
  definition: ServiceDefinition;
  /** Earlier definitions that instances still run, by version. */
  older: Record<string, ServiceDefinition>;
  /** Every instance the service keeps or is removing. */
  instances: InstanceRecord[];
  /** The next instance number, per pod. */
  next: Record<string, number>;
  /** The latest rolling update. */
  deployment?: DeploymentRecord;
  /** How many rolling updates were started. */
  deployments: number;
  /**
   * Removed resident instances (`<service>.<instance>`) whose reservations and volumes are
   * still to be destroyed and unreserved when their agent offers them.
   */
  releasing?: string[];
}
