import * as fs from 'fs';
import { startLocalCluster, type LocalCluster } from '../../src/cluster';
import { describeWithMesos } from '../support/mesos';
import { get } from '../support/cluster';

describeWithMesos('local cluster', (install) => {
  let cluster: LocalCluster;

  beforeAll(async () => {
    cluster = await startLocalCluster({ install });
  }, 90000);

  afterAll(async () => {
    await cluster?.stop();
  });

  it('has one registered agent with cpus, mem, disk and ports', async () => {
    const state = JSON.parse(await get(`${cluster.webUi}/master/slaves`));
    expect(state.slaves).toHaveLength(1);
    expect(state.slaves[0].id).toBe(cluster.agentId);
    expect(Object.keys(state.slaves[0].resources)).toEqual(
      expect.arrayContaining(['cpus', 'mem', 'disk', 'ports']),
    );
  });

  it('stop() ends both processes and removes the work directory', async () => {
    const { workDir, masterProcess, agentProcess } = cluster;
    await cluster.stop();
    expect(masterProcess.exitCode !== null || masterProcess.signalCode !== null).toBe(true);
    expect(agentProcess.exitCode !== null || agentProcess.signalCode !== null).toBe(true);
    expect(fs.existsSync(workDir)).toBe(false);
  });
});
