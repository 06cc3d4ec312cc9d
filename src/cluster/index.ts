export { startLocalCluster, DEFAULT_AGENT_RESOURCES } from './local-cluster';
export type { ExtraAgentOptions, LocalCluster, LocalClusterOptions } from './local-cluster';
