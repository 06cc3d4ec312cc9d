import * as fs from 'fs';
import * as http from 'http';
import * as net from 'net';
import * as path from 'path';
import { HttpServerProcess } from '../../../examples/http-server/server-process';
import { freePort } from '../../../src/cluster/ports';
import { tempDir } from '../../support/fake-mesos';

function get(port: number): Promise<string> {
  return new Promise((resolve, reject) => {
    http
      .get({ host: '127.0.0.1', port, path: '/' }, (response) => {
        let body = '';
        response.on('data', (chunk) => (body += chunk));
        response.on('end', () => resolve(body));
      })
      .on('error', reject);
  });
}

describe('HttpServerProcess', () => {
  const dir = tempDir('http');
  fs.writeFileSync(path.join(dir, 'hello.txt'), 'hi');
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('serves its directory once ready, and kill() stops it', async () => {
    const port = await freePort('127.0.0.1');
    const server = new HttpServerProcess(port, dir);
    expect(await server.ready()).toBe(true);
    expect(await get(port)).toMatch(/hello\.txt/);
    const exit = await server.kill();
    expect(exit.killed).toBe(true);
    expect(exit.signal === 'SIGTERM' || exit.code !== 0).toBe(true);
    await expect(get(port)).rejects.toThrow();
  });

  it('is never ready when it cannot start, and reports the failed exit', async () => {
    const taken = net.createServer();
    await new Promise<void>((resolve) => taken.listen(0, '0.0.0.0', resolve));
    const port = (taken.address() as net.AddressInfo).port;
    const server = new HttpServerProcess(port, dir);
    try {
      expect(await server.ready(5000)).toBe(false);
      const exit = await server.exited;
      expect(exit.killed).toBe(false);
      expect(exit.code).not.toBe(0);
    } finally {
      await server.kill(100);
      taken.close();
    }
  });
});
