import fc from 'fast-check';
import type { Scheduler, SchedulerDriver, State, TaskInfo } from 'mesos-napi';
import { ServiceScheduler, type ServiceDefinition } from 'mesos-napi/services';
import { SimulatedCluster, SimulatedState, type TaskScript } from 'mesos-napi/testing';
import { assertAsyncProperty } from '../../support/property';
import { liveTasks } from './harness';

/**
 * A scheduler process that can be killed as SIGKILL would: at its State's n-th operation
 * after arm(n) (that operation reaching the State or not), or at kill(). From then on its
 * State answers nothing, its driver is gone (stop(true): its tasks run on) and nothing waits
 * for its handlers.
 */
class Killable {
  private left = Number.POSITIVE_INFINITY;
  private applyLast = false;
  private dead_ = false;
  private driver: SchedulerDriver | undefined;
  private readonly died: () => void;
  private readonly death: Promise<void>;

  constructor(private readonly shared: State) {
    let died = () => undefined as void;
    this.death = new Promise<void>((resolve) => (died = resolve));
    this.died = died;
  }

  readonly state: State = {
    fetch: (name) => this.op(() => this.shared.fetch(name)),
    store: (variable) => this.op(() => this.shared.store(variable)),
    expunge: (variable) => this.op(() => this.shared.expunge(variable)),
    names: () => this.op(() => this.shared.names()),
  };

  /** The scheduler as its driver sees it: once dead, its handlers are waited for no more. */
  scheduler(inner: Scheduler): Scheduler {
    return new Proxy(inner, {
      get: (target, property) => {
        const value: unknown = Reflect.get(target, property);
        if (typeof value !== 'function') return value;
        return (...args: unknown[]) => {
          if (this.dead_) return undefined;
          const result: unknown = (value as (...a: unknown[]) => unknown).apply(target, args);
          if (!(result instanceof Promise)) return result;
          return Promise.race([result, this.death]).then(
            () => undefined,
            (error: unknown) => {
              if (!this.dead_) throw error;
            },
          );
        };
      },
    });
  }

  use(driver: SchedulerDriver): void {
    this.driver = driver;
  }

  arm(n: number, applyLast: boolean): void {
    this.left = n;
    this.applyLast = applyLast;
  }

  kill(): void {
    if (this.dead_) return;
    this.dead_ = true;
    this.driver?.stop(true);
    this.died();
  }

  get dead(): boolean {
    return this.dead_;
  }

  private op<T>(run: () => Promise<T>): Promise<T> {
    if (!this.dead_ && --this.left > 0) return run();
    if (!this.dead_) {
      if (this.applyLast) void run();
      this.kill();
    }
    return new Promise<T>(() => undefined);
  }
}

const definition = (version: string): ServiceDefinition => ({
  name: 'ha-sleepers',
  pods: [
    {
      name: 'sleeper',
      instances: 3,
      resources: { cpus: 0.1, mem: 32 },
      command: `echo ${version}; exec sleep 3600`,
      healthCheck: { command: 'true', delaySeconds: 1, intervalSeconds: 1 },
      killPolicy: { gracePeriodSeconds: 1 },
      constraints: [['hostname', 'UNIQUE']],
      upgrade: { minimumHealthCapacity: 0.5, maximumOverCapacity: 0 },
    },
  ],
});

const healthyAfter1500ms = (_task: TaskInfo): TaskScript => ({
  steps: [
    { state: 'TASK_STARTING' },
    { state: 'TASK_RUNNING' },
    { after: '1500ms', state: 'TASK_RUNNING', healthy: true },
  ],
});

const pick = (i: number): string | undefined => process.env.KMU?.split(',')[i];

test('a leader killed at any point of a tight rolling update (UNIQUE on 3 hosts): the next finishes it', async () => {
  await assertAsyncProperty(
    fc.asyncProperty(
      pick(0) ? fc.constant(Number(pick(0))) : fc.integer({ min: 1, max: 40 }),
      pick(1) ? fc.constant(pick(1) === 'true') : fc.boolean(),
      pick(2) ? fc.constant(Number(pick(2))) : fc.integer({ min: 0, max: 8000 }),
      async (killAt, applyLast, killAfterMs) => {
        const cluster = new SimulatedCluster({
          agents: [{ hostname: 'h1' }, { hostname: 'h2' }, { hostname: 'h3' }],
        });
        cluster.onLaunch(healthyAfter1500ms);
        const shared = new SimulatedState();
        const clock = {
          now: () => cluster.now,
          setTimeout: (fn: () => void, ms: number) => cluster.setTimeout(fn, ms),
        };
        const start = (state: State, version: string, frameworkId?: string, doomed?: Killable) => {
          const scheduler = new ServiceScheduler({ definition: definition(version), state, clock });
          if (process.env.KMU_TRACE) {
            scheduler.on('event', (e) =>
              process.stderr.write(`${cluster.now} ${doomed ? 'a' : 'b'} ${JSON.stringify(e)}\n`),
            );
          }
          const driver = cluster.schedulerDriver(doomed?.scheduler(scheduler) ?? scheduler, {
            framework: {
              user: 't',
              name: 'killed',
              failoverTimeout: 3600,
              ...(frameworkId ? { id: { value: frameworkId } } : {}),
            },
          });
          doomed?.use(driver);
          driver.start();
          return { scheduler, driver };
        };
        const doomed = new Killable(shared);
        const a = start(doomed.state, 'v1', undefined, doomed);
        await cluster.advance('10s');
        await a.scheduler.ready();
        const frameworkId = a.scheduler.frameworkId!.value;
        doomed.arm(killAt, applyLast);
        void a.scheduler.update(definition('v2')).catch(() => undefined);
        const deadline = cluster.now + killAfterMs;
        while (!doomed.dead && cluster.now < deadline) await cluster.advance('100ms');
        doomed.kill();
        a.scheduler.close();
        await cluster.advance('2s');
        const b = start(shared, 'v1', frameworkId);
        for (let second = 0; second < 120; second++) {
          await cluster.advance('1s');
          // Never two live tasks of one instance (a task the killed one launched counts).
          const live = liveTasks(cluster).map((t) => t.instance);
          expect(new Set(live).size).toBe(live.length);
        }
        const status = b.scheduler.status();
        expect(liveTasks(cluster)).toHaveLength(3);
        // Killed before the update was recorded: it never happened; else the next finishes it.
        if (status.deployment) expect(status.deployment.state).toBe('succeeded');
        else expect(status.version).toBe(1);
        expect(status.pods[0].instanceList.map((i) => i.healthy)).toEqual([true, true, true]);
        b.driver.stop();
        b.scheduler.close();
      },
    ),
    50,
  );
}, 120_000);
