import type { IncomingMessage } from 'http';
import { HttpError } from './reply';

/**
 * An action's body: JSON (`Content-Type: application/json`, required on every action, so
 * that no other web site's page can post to it without a CORS preflight), at most `limit`
 * bytes, an object; empty counts as `{}`.
 */
export async function readJsonBody(
  request: IncomingMessage,
  limit: number,
): Promise<Record<string, unknown>> {
  const type = (request.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
  if (type !== 'application/json') {
    throw new HttpError(
      415,
      'UNSUPPORTED_MEDIA_TYPE',
      `expected Content-Type: application/json, got ${type === '' ? 'none' : `'${type}'`}`,
      'content-type',
    );
  }
  const declared = Number(request.headers['content-length'] ?? 0);
  if (declared > limit) throw tooLarge(limit);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) throw tooLarge(limit);
    chunks.push(chunk);
  }
  const text = Buffer.concat(chunks).toString('utf8').trim();
  if (text === '') return {};
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch (error) {
    throw new HttpError(
      400,
      'INVALID_JSON',
      `the body is not JSON: ${(error as Error).message}`,
      'body',
    );
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new HttpError(400, 'INVALID_ARGUMENT', 'expected a JSON object', 'body');
  }
  return body as Record<string, unknown>;
}

function tooLarge(limit: number): HttpError {
  return new HttpError(413, 'BODY_TOO_LARGE', `the body is larger than ${limit} bytes`, 'body', {
    Connection: 'close',
  });
}

/** Refuses fields other than `allowed`, naming the first. */
export function onlyFields(body: Record<string, unknown>, allowed: string[]): void {
  const unknown = Object.keys(body).find((key) => !allowed.includes(key));
  if (unknown !== undefined) {
    const expected =
      allowed.length > 0 ? `: expected only ${allowed.join(', ')}` : ': expected none';
    throw new HttpError(400, 'INVALID_ARGUMENT', `unknown field '${unknown}'${expected}`, unknown);
  }
}
