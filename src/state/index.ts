export type { State } from './state';
export { Variable } from './variable';
export { AbstractState } from './abstract-state';
export { InMemoryState } from './in-memory-state';
export { LevelDBState } from './leveldb-state';
export { ZooKeeperState } from './zookeeper-state';
export { LogState } from './log-state';
export type { ZooKeeperAuthentication } from './validate';
