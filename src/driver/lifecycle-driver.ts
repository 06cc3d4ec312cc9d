import { Lifecycle } from './lifecycle';
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
}
