import { InMemoryState, MesosSchedulerDriver } from 'mesos-napi';
import { ServiceScheduler } from 'mesos-napi/services';
import { describeWithMesos } from '../support/mesos';
import { get, useLocalCluster } from '../support/cluster';
import { call } from '../unit/services/http-support';

// A service with its HTTP server on a real master and agent: the master's state (what its
// web UI reads) links the framework to the service's page, and the page's API shows the
// instances running on the agent.
/** Resolves once `check` resolves true, polling; rejects after timeoutMs. */
async function until(what: string, check: () => Promise<boolean>, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describeWithMesos("services' HTTP API on a real cluster", () => {
  const cluster = useLocalCluster();

  test("the master's UI links to the service's page, which shows the running instances", async () => {
    const service = new ServiceScheduler({
      definition: {
        name: 'webui',
        pods: [
          { name: 'sleep', instances: 2, resources: { cpus: 0.1, mem: 32 }, command: 'sleep 600' },
        ],
      },
      state: new InMemoryState(),
      http: { port: 0 },
    });
    await service.ready();
    const driver = new MesosSchedulerDriver(service, {
      master: cluster().master,
      framework: service.frameworkInfo({ user: '', name: 'services http' }),
    });
    driver.start();
    try {
      let frameworks: { name: string; webui_url?: string }[] = [];
      await until('the framework in the master', async () => {
        frameworks = JSON.parse(await get(`${cluster().webUi}/master/state`)).frameworks;
        return frameworks.some((f) => f.name === 'services http');
      });
      expect(frameworks.find((f) => f.name === 'services http')!.webui_url).toBe(service.webuiUrl);
      await until(
        '2 instances running',
        async () => (await call(service, 'GET', '/v1/pods')).json[0].running === 2,
      );
      const instances = (await call(service, 'GET', '/v1/instances')).json;
      expect(
        instances.map((i: { state: string; agentId: string }) => [i.state, i.agentId]),
      ).toEqual([
        ['TASK_RUNNING', cluster().agentId],
        ['TASK_RUNNING', cluster().agentId],
      ]);
    } finally {
      driver.stop();
      await driver.join();
      service.close();
      await service.http!.close();
    }
  }, 90_000);
});
