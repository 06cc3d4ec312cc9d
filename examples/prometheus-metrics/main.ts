import * as http from 'http';
import { collectDefaultMetrics, register } from 'prom-client';
import {
  MesosSchedulerDriver,
  registerPrometheusMetrics,
  setLogger,
  Status,
  filters,
  type Offer,
  type SchedulerDriver,
} from 'mesos-napi';

/**
 * A framework that declines every offer for 5 seconds and serves its driver's metrics to
 * Prometheus at http://localhost:9100/metrics (PORT to change it), with libmesos's warnings
 * and errors printed through a logger of its own.
 *
 *   node build/examples/prometheus-metrics/main.js [MASTER]   (default: local)
 */
async function main(): Promise<number> {
  const master = process.argv[2] ?? 'local';
  const port = Number(process.env.PORT ?? 9100);
  setLogger((record) => console.error(`libmesos ${record.severity}: ${record.message}`), {
    level: 'warning',
  });
  const driver = new MesosSchedulerDriver(
    {
      registered: (_driver, frameworkId) => console.log(`registered as ${frameworkId.value}`),
      resourceOffers: (d: SchedulerDriver, offers: Offer[]) => {
        for (const offer of offers) d.declineOffer(offer.id, filters(5));
      },
    },
    { framework: { user: '', name: 'prometheus example' }, master },
  );
  collectDefaultMetrics();
  registerPrometheusMetrics(driver, { framework: 'prometheus example' });
  const server = http.createServer((request, response) => {
    if (request.url !== '/metrics') {
      response.writeHead(404).end();
      return;
    }
    register.metrics().then(
      (text) => response.writeHead(200, { 'Content-Type': register.contentType }).end(text),
      (error: Error) => response.writeHead(500).end(error.message),
    );
  });
  server.listen(port, () =>
    console.log(`metrics at http://localhost:${port}/metrics; Ctrl-C stops`),
  );
  process.once('SIGINT', () => driver.stop());
  const status = await driver.run();
  server.close();
  console.log(`framework ${status}`);
  return status === Status.DRIVER_STOPPED ? 0 : 1;
}

main().then((code) => (process.exitCode = code));
