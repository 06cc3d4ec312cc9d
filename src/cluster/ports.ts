import * as net from 'net';
import { LocalClusterError } from '../errors';

/** Resolves when nothing listens on ip:port and we could bind it; rejects naming the port otherwise. */
export function checkPortFree(ip: string, port: number, what: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', (error: NodeJS.ErrnoException) => {
      const why = error.code === 'EADDRINUSE' ? 'is taken' : `cannot be bound (${error.code})`;
      reject(
        new LocalClusterError(
          `${what} port ${port} on ${ip} ${why}; choose another one or stop what uses it`,
        ),
      );
    });
    server.listen({ host: ip, port, exclusive: true }, () => server.close(() => resolve()));
  });
}

/** A port the kernel says is free now. */
export function freePort(ip: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen({ host: ip, port: 0, exclusive: true }, () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}
