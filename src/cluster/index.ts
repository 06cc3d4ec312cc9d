export { startLocalCluster, DEFAULT_AGENT_RESOURCES } from './local-cluster';
export type { LocalCluster, LocalClusterOptions } from './local-cluster';
