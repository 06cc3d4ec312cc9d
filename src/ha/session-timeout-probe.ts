import * as net from 'net';

/**
 * The session timeout ZooKeeper grants when asked for `requestedMs`: a server clamps it
 * to its own minSessionTimeout and maxSessionTimeout (2 and 20 ticks by default), and
 * libmesos's group does not say what it got. Each server is asked (a session opened with the
 * same request, then closed at once); resolves with the smallest grant, or undefined when no
 * server answered within `waitMs`.
 */
export async function grantedSessionTimeout(
  servers: { host: string; port: number }[],
  requestedMs: number,
  waitMs: number,
): Promise<number | undefined> {
  const grants = await Promise.all(
    servers.map(({ host, port }) => ask(host, port, requestedMs, waitMs)),
  );
  const granted = grants.filter((grant): grant is number => grant !== undefined);
  return granted.length > 0 ? Math.min(...granted) : undefined;
}

/** ZooKeeper's ConnectRequest (jute): protocol, last zxid, timeout, session id, password. */
function connectRequest(requestedMs: number): Buffer {
  const request = Buffer.alloc(4 + 44);
  request.writeInt32BE(44, 0);
  request.writeInt32BE(0, 4);
  request.writeBigInt64BE(0n, 8);
  request.writeInt32BE(requestedMs, 16);
  request.writeBigInt64BE(0n, 20);
  request.writeInt32BE(16, 28); // a password of 16 zero bytes
  return request;
}

/** closeSession: xid 1, op code -11. */
function closeRequest(): Buffer {
  const request = Buffer.alloc(12);
  request.writeInt32BE(8, 0);
  request.writeInt32BE(1, 4);
  request.writeInt32BE(-11, 8);
  return request;
}

function ask(host: string, port: number, requestedMs: number, waitMs: number) {
  return new Promise<number | undefined>((resolve) => {
    const socket = net.connect({ host, port });
    let received = Buffer.alloc(0);
    let settled = false;
    const settle = (grant: number | undefined) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(grant);
    };
    const timer = setTimeout(() => {
      settle(undefined);
      socket.destroy();
    }, waitMs);
    socket.on('error', () => settle(undefined));
    socket.on('close', () => settle(undefined));
    socket.on('connect', () => socket.write(connectRequest(requestedMs)));
    socket.on('data', (chunk) => {
      received = Buffer.concat([received, chunk]);
      if (received.length < 4 || received.length < 4 + received.readInt32BE(0)) return;
      // ConnectResponse: protocol version, timeout, session id, password.
      const grant = received.length >= 12 ? received.readInt32BE(8) : 0;
      settle(grant > 0 ? grant : undefined);
      socket.end(closeRequest());
    });
  });
}
