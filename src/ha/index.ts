export { LeaderElection } from './leader-election';
export type { LeaderElectionOptions, LeaderElectionEvents, LeaderInfo } from './leader-election';
export { Leadership } from './leadership';
export type { LeadershipLoss, LeadershipLossReason } from './leadership';
export { parseZooKeeperUrl } from './zookeeper-url';
export type { ZooKeeperUrl } from './zookeeper-url';
export { FrameworkIdStore } from './framework-id-store';
export { HighlyAvailableScheduler } from './highly-available-scheduler';
export type {
  HighlyAvailableSchedulerOptions,
  HighlyAvailableSchedulerEvents,
} from './highly-available-scheduler';
