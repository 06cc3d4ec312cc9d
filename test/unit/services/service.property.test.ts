import fc from 'fast-check';
import type { SchedulerDriver } from 'mesos-napi';
import { ServiceScheduler } from 'mesos-napi/services';
import { SimulatedCluster, SimulatedState } from 'mesos-napi/testing';
import { assertAsyncProperty } from '../../support/property';
import { liveTasks, pod, service } from './harness';

type Action =
  | { kind: 'advance'; seconds: number }
  | { kind: 'scale'; instances: number }
  | { kind: 'update' }
  | { kind: 'lose-agent'; which: number }
  | { kind: 'add-agent' }
  | { kind: 'master-failover'; downSeconds: number }
  | { kind: 'new-scheduler' }
  | { kind: 'restart'; which: number }
  | { kind: 'pause' }
  | { kind: 'resume' };

const action: fc.Arbitrary<Action> = fc.oneof(
  fc.record({ kind: fc.constant('advance' as const), seconds: fc.integer({ min: 1, max: 30 }) }),
  fc.record({ kind: fc.constant('scale' as const), instances: fc.integer({ min: 0, max: 5 }) }),
  fc.record({ kind: fc.constant('update' as const) }),
  fc.record({ kind: fc.constant('lose-agent' as const), which: fc.nat() }),
  fc.record({ kind: fc.constant('add-agent' as const) }),
  fc.record({
    kind: fc.constant('master-failover' as const),
    downSeconds: fc.integer({ min: 0, max: 20 }),
  }),
  fc.record({ kind: fc.constant('new-scheduler' as const) }),
  fc.record({ kind: fc.constant('restart' as const), which: fc.nat() }),
  fc.record({ kind: fc.constant('pause' as const) }),
  fc.record({ kind: fc.constant('resume' as const) }),
);

/**
 * Whatever happens (scaling, updates, tasks failing, agents lost and added, master
 * failovers, the scheduler replaced by a new one on the same State, instances restarted,
 * updates paused and resumed), no instance ever has two live tasks, and once the faults
 * stop (and a paused update is resumed) the service settles at its definition.
 */
test('no instance runs twice; the service settles at its definition', async () => {
  await assertAsyncProperty(
    fc.asyncProperty(
      fc.array(action, { minLength: 1, maxLength: 12 }),
      fc.array(fc.integer({ min: 0, max: 60 }), { minLength: 1, maxLength: 20 }),
      async (actions, lifetimes) => {
        const cluster = new SimulatedCluster({ agents: [{}, {}, {}] });
        let faults = true;
        let launches = 0;
        // While faults last, some tasks fail after a while (0: they run on).
        cluster.onLaunch((task) => {
          const lifetime = lifetimes[launches++ % lifetimes.length];
          if (!faults || lifetime === 0) return undefined;
          return {
            steps: [
              { state: 'TASK_STARTING' },
              { state: 'TASK_RUNNING' },
              {
                after: `${lifetime}s`,
                state: task.taskId.value.length % 2 ? 'TASK_FAILED' : 'TASK_FINISHED',
              },
            ],
          };
        });
        const state = new SimulatedState();
        const restart = { backoffSeconds: 1, backoffFactor: 2, maxLaunchDelaySeconds: 10 };
        let version = 1;
        let instances = 2;
        const definition = () =>
          service(pod('web', instances, { command: `serve v${version}`, restart }));
        const clock = {
          now: () => cluster.now,
          setTimeout: (fn: () => void, ms: number) => cluster.setTimeout(fn, ms),
        };
        const start = (frameworkId?: string) => {
          const scheduler = new ServiceScheduler({ definition: definition(), state, clock });
          const driver: SchedulerDriver = cluster.schedulerDriver(scheduler, {
            framework: {
              user: 't',
              name: 'property',
              failoverTimeout: 3600,
              ...(frameworkId ? { id: { value: frameworkId } } : {}),
            },
          });
          driver.start();
          return { scheduler, driver };
        };
        let current = start();
        const checkNoTwins = () => {
          const live = liveTasks(cluster).map((t) => t.instance);
          expect(new Set(live).size).toBe(live.length);
        };
        await cluster.advance('1s');
        for (const step of actions) {
          if (step.kind === 'advance') await cluster.advance(`${step.seconds}s`);
          else if (step.kind === 'scale') {
            instances = step.instances;
            await current.scheduler.scale('web', instances).catch(() => undefined);
          } else if (step.kind === 'update') {
            version++;
            await current.scheduler.update(definition()).catch(() => undefined);
          } else if (step.kind === 'lose-agent') {
            const reachable = cluster.agents().filter((a) => a.reachable);
            if (reachable.length > 1)
              cluster.loseAgent(reachable[step.which % reachable.length].id);
          } else if (step.kind === 'add-agent') cluster.addAgent();
          else if (step.kind === 'restart') {
            const ids = current.scheduler.status().pods[0]?.instanceList.map((i) => i.id) ?? [];
            if (ids.length > 0) {
              await current.scheduler.restart(ids[step.which % ids.length]).catch(() => undefined);
            }
          } else if (step.kind === 'pause') {
            await current.scheduler.pauseDeployment().catch(() => undefined);
          } else if (step.kind === 'resume') {
            await current.scheduler.resumeDeployment().catch(() => undefined);
          } else if (step.kind === 'master-failover') {
            cluster.failoverMaster({ downFor: `${step.downSeconds}s` });
          } else {
            await current.scheduler.ready();
            const frameworkId = current.scheduler.frameworkId?.value;
            current.driver.stop(true);
            current.scheduler.close();
            await cluster.advance('1s');
            current = start(frameworkId);
          }
          await cluster.advance('1s');
          checkNoTwins();
        }
        // The faults stop: the service settles.
        faults = false;
        await current.scheduler.resumeDeployment().catch(() => undefined);
        await cluster.advance('3m');
        checkNoTwins();
        const status = current.scheduler.status();
        if (status.deployment?.state !== 'failed') {
          const live = liveTasks(cluster);
          expect(live).toHaveLength(status.pods[0].instances);
          const pod0 = status.pods[0];
          expect(pod0.instanceList.filter((i) => i.goal === 'run')).toHaveLength(live.length);
          expect(pod0.instanceList.every((i) => i.version === status.version)).toBe(true);
          // The latest update finished, or a later change that needed none (a scale) ended it.
          expect(['succeeded', 'superseded']).toContain(status.deployment?.state ?? 'succeeded');
        }
        current.driver.stop();
        current.scheduler.close();
      },
    ),
    10,
  );
}, 120_000);
