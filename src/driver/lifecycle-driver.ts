import { Lifecycle } from './lifecycle';
import type { MetricsSnapshot } from '../metrics/snapshot';
import type { Status } from '../status';

/** What both drivers do through their Lifecycle alone: start, abort, join and run. */
export abstract class LifecycleDriver {
  /** @internal */
  protected readonly life = new Lifecycle();

  start(): Status {
    return this.life.start();
  }
  abort(): Status {
    return this.life.abort();
  }
  join(): Promise<Status> {
    return this.life.join();
  }
  run(): Promise<Status> {
    return this.life.run();
  }
  /** What the driver did so far (see MetricsSnapshot). */
  metrics(): MetricsSnapshot {
    return this.life.snapshot();
  }
}
