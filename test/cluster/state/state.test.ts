import fs from 'fs';
import os from 'os';
import path from 'path';
import {
  InMemoryState,
  InvalidArgumentError,
  LevelDBState,
  OperationFailedError,
  ZooKeeperState,
  version,
} from '../../../src';
import { describeWithMesos } from '../../support/mesos';
import { startZooKeeper, zookeeperMissing, type ZooKeeper } from '../../support/zookeeper';
import { stateCases } from './state-cases';

describeWithMesos('State over libmesos', (install) => {
  test('version() is the Mesos the addon was built against', () => {
    expect(version().toString()).toBe(install.version);
    expect(version().before(version())).toBe(false);
  });

  describe('InMemoryState', () => {
    stateCases(() => new InMemoryState());
  });

  describe('LevelDBState', () => {
    const dirs: string[] = [];
    afterAll(() => dirs.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));
    stateCases(() => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mesos-napi-leveldb-'));
      dirs.push(dir);
      return new LevelDBState(path.join(dir, 'db'));
    });

    test("a database that cannot be opened fails every operation with LevelDB's reason", async () => {
      const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'mesos-napi-leveldb-')), 'f');
      dirs.push(path.dirname(file));
      fs.writeFileSync(file, 'not a directory');
      const state = new LevelDBState(path.join(file, 'db'));
      await expect(state.names()).rejects.toThrow(OperationFailedError);
    });
  });

  const missing = zookeeperMissing();
  if (missing) {
    process.stdout.write(`skipped "ZooKeeperState": ${missing}\n`);
    return;
  }
  describe('ZooKeeperState', () => {
    let zk: ZooKeeper;
    let servers: string;
    let count = 0;
    beforeAll(async () => {
      zk = await startZooKeeper();
      servers = new URL(zk.url('/')).host;
    }, 60_000);
    afterAll(() => zk?.stop());

    stateCases(() => new ZooKeeperState(servers, 10_000, `/state/test${++count}`));

    test("digest authentication: the state works, with the creator's ACL", async () => {
      const state = new ZooKeeperState(servers, 10_000, '/state/auth', 'digest', 'user:secret');
      const variable = await state.fetch('slaves');
      const stored = await state.store(variable.mutate(new TextEncoder().encode('x')));
      expect(stored).not.toBeNull();
      expect(await new ZooKeeperState(servers, 10_000, '/state/auth').names()).toEqual(['slaves']);
    });

    test('names() under a znode nothing was ever stored in: []', async () => {
      expect(await new ZooKeeperState(servers, 10_000, '/state/never/stored').names()).toEqual([]);
    });

    test('a host that does not resolve: operations reject naming servers, nothing is killed', async () => {
      const state = new ZooKeeperState('no-such-host.invalid:2181', 10_000, '/state');
      await expect(state.names()).rejects.toThrow(InvalidArgumentError);
      await expect(state.names()).rejects.toMatchObject({ argument: 'servers' });
    });
  });
});
