import { unresolvedServerError, zookeeperLimitError } from '../errors';
import { loadBinding } from '../native/load';
import { AbstractState } from './abstract-state';
import {
  checkAuthentication,
  checkServers,
  checkTimeout,
  checkZnode,
  checkZnodeName,
  resolveServers,
} from './validate';

/**
 * A State in ZooKeeper (libmesos's ZooKeeperStorage): each variable is a child znode of
 * `znode`, so a value can hold a little under 1 MB. Operations wait while ZooKeeper is
 * unreachable (their promises stay pending, and keep the process alive, until it is
 * reached). Names are znode names: not empty, no '/', not '.' or '..'.
 */
export class ZooKeeperState extends AbstractState {
  /**
   * @param servers ZooKeeper servers, 'host1:port1,host2:port2'.
   * @param timeout The ZooKeeper session timeout, in milliseconds.
   * @param znode The znode under which the variables are kept, e.g. '/myframework/state'.
   * @param scheme Authentication scheme: 'digest' (with credentials), or undefined for none.
   * @param credentials 'user:password' (bytes or a string). Znodes created with
   *   authentication can be read by everyone and written only by that user.
   */
  constructor(
    servers: string,
    timeout: number,
    znode: string,
    scheme?: 'digest',
    credentials?: Uint8Array | string,
  ) {
    const hosts = checkServers(servers);
    const timeoutMs = checkTimeout(timeout, 'timeout');
    const path = checkZnode(znode);
    const auth = checkAuthentication(scheme, credentials);
    const binding = loadBinding();
    super(
      resolveServers(hosts).then(() => {
        try {
          return new binding.State(
            'zookeeper',
            servers,
            timeoutMs,
            path,
            auth?.scheme ?? null,
            auth?.credentials ?? null,
          );
        } catch (error) {
          throw unresolvedServerError(zookeeperLimitError(error), 'servers');
        }
      }),
    );
  }

  protected override checkName(name: unknown): string {
    return checkZnodeName(name, 'name');
  }

  /**
   * The names of the variables stored; none ([]) when nothing was ever stored under the
   * znode (libmesos fails with ZooKeeper's "no node" then).
   */
  override async names(): Promise<string[]> {
    try {
      return await super.names();
    } catch (error) {
      if (/no node/i.test(String((error as Error).message))) return [];
      throw error;
    }
  }
}
