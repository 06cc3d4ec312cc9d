import type { ServiceScheduler } from 'mesos-napi/services';

/** A parsed JSON answer (whatever its shape). */
type Json = ReturnType<typeof JSON.parse>;

/** A request to the service's HTTP server; resolves with the status, headers and body. */
export async function call(
  service: ServiceScheduler,
  method: string,
  path: string,
  options: { body?: string | object; headers?: Record<string, string> } = {},
): Promise<{ status: number; headers: Headers; text: string; json: Json }> {
  const json = options.body !== undefined && typeof options.body === 'object';
  const response = await fetch(new URL(path, service.webuiUrl), {
    method,
    headers: {
      ...(json ? { 'Content-Type': 'application/json' } : {}),
      ...options.headers,
    },
    ...(options.body !== undefined
      ? { body: json ? JSON.stringify(options.body) : (options.body as string) }
      : {}),
  });
  const text = await response.text();
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = undefined;
  }
  return { status: response.status, headers: response.headers, text, json: parsed };
}

/** POSTs a JSON body. */
export const post = (service: ServiceScheduler, path: string, body: object = {}, headers = {}) =>
  call(service, 'POST', path, { body, headers });

/** The error a refused request answered with. */
export const errorOf = (answer: { status: number; json: Json }) => ({
  status: answer.status,
  ...answer.json.error,
});
