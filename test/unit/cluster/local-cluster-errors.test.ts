import * as fs from 'fs';
import * as net from 'net';
import * as path from 'path';
import { startLocalCluster } from '../../../src/cluster';
import { findMesos } from '../../../src/discovery';
import { makeFakeMesos, tempDir } from '../../support/fake-mesos';

const prefix = makeFakeMesos(path.join(tempDir('cluster'), 'prefix'));
const installWithoutBinaries = () => {
  const { install } = findMesos({ env: { MESOS_HOME: prefix, PATH: '' }, fallbackPrefixes: [] });
  if (!install) throw new Error('fake prefix not found');
  return install;
};

afterAll(() => fs.rmSync(path.dirname(prefix), { recursive: true, force: true }));

describe('startLocalCluster errors', () => {
  it('names the missing binary and where it looked', async () => {
    await expect(startLocalCluster({ install: installWithoutBinaries() })).rejects.toThrow(
      new RegExp(
        `^mesos-master is not installed under ${prefix} \\(Mesos 1\\.12\\.0, found by MESOS_HOME\\)`,
      ),
    );
  });

  it('names a port that is taken', async () => {
    const install = installWithoutBinaries();
    install.master = '/bin/true';
    install.agent = '/bin/true';
    const server = net.createServer();
    await new Promise<void>((resolve) => server.listen({ host: '127.0.0.1', port: 0 }, resolve));
    const port = (server.address() as net.AddressInfo).port;
    try {
      await expect(startLocalCluster({ install, masterPort: port })).rejects.toThrow(
        `the master port ${port} on 127.0.0.1 is taken; choose another one or stop what uses it`,
      );
    } finally {
      server.close();
    }
  });

  it('reports a process that exits before the agent registers, with its log, and cleans up', async () => {
    const install = installWithoutBinaries();
    install.master = '/bin/false';
    install.agent = '/bin/false';
    const error = await startLocalCluster({ install, timeoutMs: 5000 }).catch((e: Error) => e);
    expect((error as Error).message).toMatch(
      /^mesos-master exited \(1\) before the agent registered; last lines of .*master\.log:/,
    );
    const dir = /last lines of (.*)\/master\.log/.exec((error as Error).message)?.[1];
    expect(dir && fs.existsSync(dir)).toBe(false);
  });
});
