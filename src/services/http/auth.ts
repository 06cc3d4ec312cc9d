import { timingSafeEqual } from 'crypto';
import type { IncomingMessage } from 'http';
import type { CheckedHttpOptions } from './options';

const same = (a: string, b: string): boolean => {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
};

/**
 * Whether the request may act: true without a token or basic auth configured, else when
 * its Authorization header carries either one.
 */
export function authorized(request: IncomingMessage, options: CheckedHttpOptions): boolean {
  const { token, basicAuth } = options;
  if (token === undefined && basicAuth === undefined) return true;
  const header = request.headers.authorization ?? '';
  const space = header.indexOf(' ');
  const scheme = header.slice(0, space).toLowerCase();
  const value = header.slice(space + 1).trim();
  if (space < 0) return false;
  if (scheme === 'bearer' && token !== undefined) return same(value, token);
  if (scheme === 'basic' && basicAuth !== undefined) {
    const decoded = Buffer.from(value, 'base64').toString('utf8');
    return same(decoded, `${basicAuth.user}:${basicAuth.password}`);
  }
  return false;
}

/** The WWW-Authenticate challenges for a 401. */
export function challenges(options: CheckedHttpOptions): string[] {
  return [
    ...(options.basicAuth !== undefined
      ? ['Basic realm="mesos-napi service", charset="UTF-8"']
      : []),
    ...(options.token !== undefined ? ['Bearer realm="mesos-napi service"'] : []),
  ];
}
