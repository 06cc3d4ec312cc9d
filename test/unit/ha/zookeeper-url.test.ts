import { InvalidArgumentError } from '../../../src/errors';
import { LeaderElection } from '../../../src/ha/leader-election';
import { parseZooKeeperUrl } from '../../../src/ha/zookeeper-url';

describe('parseZooKeeperUrl', () => {
  test('servers, path and credentials, as libmesos parses them', () => {
    expect(parseZooKeeperUrl('zk://alice:secret@zk1:2181,10.0.0.2:2182/fw/leader')).toEqual({
      servers: [
        { host: 'zk1', port: 2181 },
        { host: '10.0.0.2', port: 2182 },
      ],
      path: '/fw/leader',
      credentials: 'alice:secret',
    });
    expect(parseZooKeeperUrl('zk://[::1]:2181/x')).toEqual({
      servers: [{ host: '[::1]', port: 2181 }],
      path: '/x',
    });
  });

  test.each([
    [42, 'expected a zk://'],
    ['http://zk:2181/x', 'is not zk://'],
    ['zk://zk:2181', 'has no path'],
    ['zk://zk:2181/', "path '/' is not a znode path"],
    ['zk://zk:2181/fw/', "path '/fw/' is not a znode path"],
    ['zk://zk:2181/a//b', 'is not a znode path'],
    ['zk://zk:2181/a/../b', 'is not a znode path'],
    ['zk://zk/x', "server 'zk' is not host:port"],
    ['zk://zk:99999/x', 'port out of range'],
    ['zk://zk:2181,/x', "server '' is not host:port"],
    ['zk://alice@zk:2181/x', "credentials 'alice' are not user:password"],
  ])('%p is refused: %s', (url, message) => {
    expect(() => parseZooKeeperUrl(url, 'options.zk')).toThrow(InvalidArgumentError);
    expect(() => parseZooKeeperUrl(url, 'options.zk')).toThrow(message);
  });
});

describe('LeaderElection options', () => {
  test.each([
    [{ zk: 'zk://zk:2181/' }, 'options.zk'],
    [{ zk: 'zk://zk:2181/x', sessionTimeout: 10 }, 'options.sessionTimeout'],
    [{ zk: 'zk://zk:2181/x', sessionTimeout: 1.5e3 + 0.5 }, 'options.sessionTimeout'],
    [{ zk: 'zk://zk:2181/x', info: 7 }, 'options.info'],
  ])('%p: InvalidArgumentError naming %s, before libmesos sees anything', (options, argument) => {
    expect(() => new LeaderElection(options as never)).toThrow(
      expect.objectContaining({ argument, code: 'MESOS_NAPI_INVALID_ARGUMENT' }),
    );
  });

  test('a server name that does not resolve rejects contend() (libmesos would retry it for ten minutes, then exit)', async () => {
    const election = new LeaderElection({ zk: 'zk://no-such-host.invalid:2181/x' });
    await expect(election.contend()).rejects.toThrow(
      "ZooKeeper server 'no-such-host.invalid' does not resolve",
    );
    await election.close();
  });
});
