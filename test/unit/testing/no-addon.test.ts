// The kit is for machines without Mesos: importing it and running a driver on it must never
// load the native addon (bindings() or any .node file).
const loads: string[] = [];
jest.mock('bindings', () => (name: string) => {
  loads.push(`bindings(${name})`);
  throw new Error('the addon was loaded');
});

test('mesos-napi/testing runs a scheduler without loading the native addon', async () => {
  const dlopen = process.dlopen;
  process.dlopen = ((module: unknown, file: string) => {
    loads.push(file);
    throw new Error(`dlopen ${file}`);
  }) as typeof process.dlopen;
  try {
    const { SimulatedCluster } = await import('mesos-napi/testing');
    const cluster = new SimulatedCluster();
    let offers = 0;
    const driver = cluster.schedulerDriver(
      {
        resourceOffers(d, batch) {
          offers += batch.length;
          for (const offer of batch) d.declineOffer(offer.id);
        },
      },
      { framework: { user: 'tester', name: 'no addon' } },
    );
    driver.start();
    await cluster.advance('10s');
    driver.stop();
    await driver.join();
    expect(offers).toBeGreaterThan(0);
  } finally {
    process.dlopen = dlopen;
  }
  expect(loads).toEqual([]);
});
