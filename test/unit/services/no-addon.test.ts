export {};

// A service is tested on the simulator on machines without Mesos: nothing may load the addon.
const loads: string[] = [];
jest.mock('bindings', () => (name: string) => {
  loads.push(`bindings(${name})`);
  throw new Error('the addon was loaded');
});

test('mesos-napi/services runs on the simulated cluster and SimulatedState without the addon', async () => {
  const dlopen = process.dlopen;
  process.dlopen = ((module: unknown, file: string) => {
    loads.push(file);
    throw new Error(`dlopen ${file}`);
  }) as typeof process.dlopen;
  try {
    const { ServiceScheduler } = await import('mesos-napi/services');
    const { SimulatedCluster, SimulatedState } = await import('mesos-napi/testing');
    const cluster = new SimulatedCluster();
    const service = new ServiceScheduler({
      definition: {
        name: 'svc',
        pods: [{ name: 'p', instances: 2, resources: { cpus: 1, mem: 64 }, command: 'true' }],
      },
      state: new SimulatedState(),
      clock: { now: () => cluster.now, setTimeout: (fn, ms) => cluster.setTimeout(fn, ms) },
    });
    const driver = cluster.schedulerDriver(service, {
      framework: { user: 'tester', name: 'no addon' },
    });
    driver.start();
    await cluster.advance('5s');
    expect(service.status().pods[0].running).toBe(2);
    driver.stop();
    service.close();
    await driver.join();
  } finally {
    process.dlopen = dlopen;
  }
  expect(loads).toEqual([]);
});
