import { spawnSync } from 'child_process';
import path from 'path';
import { lastJsonLine } from '../support/fixture-json';
import { describeWithMesos } from '../support/mesos';
import { preloadShim } from '../support/preload-shim';

// A ZooKeeper host that resolved when TypeScript checked it and no longer does when
// libmesos's ZooKeeper client is made (a preloaded getaddrinfo lets it resolve for the
// checks' lookups only): libmesos retried zookeeper_init every second (the fixtures hung
// until killed at the timeout), and after ten minutes would kill the process
// (src/zookeeper/zookeeper.cpp). Each fixture runs in a child process against real
// libmesos: a crash or a hang fails the test.
const HOST = 'flaky.mesos-napi.test';

describeWithMesos('a ZooKeeper host that stops resolving after it was checked', () => {
  const built = preloadShim(path.join(__dirname, 'fixtures', 'dns', 'flaky-dns.c'));

  // The lookups before the client: the TypeScript check, and for the election the probe
  // of the session timeout ZooKeeper grants.
  test.each([
    ['state', 'servers', 1],
    ['log', 'servers', 1],
    ['election', 'options.zk', 2],
  ])('%s: refused, naming %s', (kind, argument, resolutions) => {
    const result = spawnSync(
      process.execPath,
      [
        path.join(__dirname, 'fixtures', 'dns', 'flaky-zookeeper.js'),
        kind,
        `${HOST}:1`,
        built().dir,
      ],
      {
        encoding: 'utf8',
        timeout: 30_000,
        env: {
          ...process.env,
          GLOG_minloglevel: '3',
          LD_PRELOAD: built().shim,
          FLAKY_DNS_HOST: HOST,
          FLAKY_DNS_RESOLUTIONS: String(resolutions),
        },
      },
    );
    expect({
      status: result.status,
      signal: result.signal,
      json: lastJsonLine(result.stdout, result.stderr),
    }).toEqual({
      status: 0,
      signal: null,
      json: {
        [kind]: {
          name: 'InvalidArgumentError',
          argument,
          message: expect.stringContaining(`host '${HOST}' no longer resolves`),
        },
      },
    });
  });
});
