import { Registry } from 'prom-client';
import { registerPrometheusMetrics, scalar, type MetricsSnapshot } from 'mesos-napi';
import { runsFor, SimulatedCluster } from 'mesos-napi/testing';

const framework = { user: 'tester', name: 'prometheus test' };

async function scheduledRun() {
  const cluster = new SimulatedCluster({ agents: [{ resources: 'cpus:1;mem:256' }] }).onLaunch(
    runsFor('1s'),
  );
  let launched = false;
  const driver = cluster.schedulerDriver(
    {
      resourceOffers(d, offers) {
        for (const offer of offers) {
          if (launched) {
            d.declineOffer(offer.id);
            continue;
          }
          launched = true;
          d.launchTasks(offer.id, [
            {
              name: 't',
              taskId: { value: 't' },
              slaveId: offer.slaveId,
              resources: [scalar('cpus', 1)],
              command: { value: 'true' },
            },
          ]);
        }
      },
    },
    { framework },
  );
  driver.start();
  await cluster.advance('2s');
  return driver;
}

test('the adapter exposes a driver’s snapshot as Prometheus metrics labelled with its framework', async () => {
  const driver = await scheduledRun();
  const registry = new Registry();
  const stop = registerPrometheusMetrics(driver, { framework: 'web', registry });
  const m: MetricsSnapshot = driver.metrics();
  const text = await registry.metrics();
  const labels = 'framework="web",source="scheduler-driver"';
  expect(text).toContain('# TYPE mesos_napi_events_total counter');
  expect(text).toContain(`mesos_napi_events_total{${labels},type="registered"} 1`);
  expect(text).toContain(
    `mesos_napi_events_total{${labels},type="resourceOffers"} ${m.events.resourceOffers}`,
  );
  expect(text).toContain(
    `mesos_napi_calls_total{${labels},type="launchTasks",status="DRIVER_RUNNING"} 1`,
  );
  expect(text).toContain(`mesos_napi_updates_total{${labels},state="TASK_FINISHED"} 1`);
  expect(text).toContain(`mesos_napi_offers_total{${labels},outcome="used"} 1`);
  expect(text).toContain('# TYPE mesos_napi_handler_seconds histogram');
  expect(text).toContain(
    `mesos_napi_handler_seconds_bucket{${labels},le="+Inf"} ${m.handlerSeconds.count}`,
  );
  expect(text).toContain(`mesos_napi_handler_seconds_count{${labels}} ${m.handlerSeconds.count}`);
  expect(text).toContain(`mesos_napi_queued_events{${labels}} 0`);
  expect(text).toContain(`mesos_napi_state{${labels},state="DRIVER_RUNNING"} 1`);

  // A second driver shares the registry under its own label; stopping one leaves the other.
  const other = await scheduledRun();
  const stopOther = registerPrometheusMetrics(other, { framework: 'batch', registry });
  const both = await registry.metrics();
  expect(both).toContain(
    'mesos_napi_events_total{framework="batch",source="scheduler-driver",type="registered"} 1',
  );
  expect(both).toContain(`mesos_napi_events_total{${labels},type="registered"} 1`);
  stop();
  const after = await registry.metrics();
  expect(after).not.toContain('framework="web"');
  expect(after).toContain('framework="batch"');
  stopOther();
  for (const d of [driver, other]) {
    d.stop();
    await d.join();
  }
});

test('bad arguments are refused naming the argument', () => {
  const registry = new Registry();
  expect(() => registerPrometheusMetrics({} as never, { framework: 'x', registry })).toThrow(
    expect.objectContaining({
      code: 'MESOS_NAPI_INVALID_ARGUMENT',
      message: expect.stringMatching(/^provider/),
    }),
  );
  const provider = { metrics: () => ({}) as MetricsSnapshot };
  expect(() => registerPrometheusMetrics(provider, { framework: '', registry })).toThrow(
    /options\.framework/,
  );
  registry.registerMetric({ name: 'mesos_napi_events_total', get: () => ({}) } as never);
  expect(() => registerPrometheusMetrics(provider, { framework: 'x', registry })).toThrow(
    /already has a metric named mesos_napi_events_total/,
  );
});
