import { inspect } from 'util';

/**
 * An error as the CLI prints it: one line, `<prefix>: error <code>: <first line of the
 * message>`, then the rest of the message (solutions, a log's last lines) indented under
 * it; with `verbose`, the stack and causes instead of the rest.
 */
export function formatError(prefix: string, error: unknown, verbose = false): string {
  const code = codeOf(error);
  const message = error instanceof Error ? error.message : String(error);
  // The package's messages start with its name, Node's system errors with their code.
  const unprefixed = message.replace(/^mesos-napi: /, '');
  const [first, ...rest] = (
    unprefixed.startsWith(`${code}: `) ? unprefixed.slice(code.length + 2) : unprefixed
  ).split('\n');
  const head = `${prefix}: error ${code}: ${first}`;
  if (verbose) return `${head}\n${inspect(error)}`;
  const details = rest.filter((line) => line.trim() !== '').map((line) => `  ${line}`);
  return [head, ...details].join('\n');
}

/** The error's `code` (Node's convention); MESOS_NAPI_UNEXPECTED for an error without one. */
export function codeOf(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code !== '' ? code : 'MESOS_NAPI_UNEXPECTED';
}
