import { inspect } from 'util';

/**
 * An error as the example prints it: `<who>: error <code>: <message>` with the
 * rest of the message (e.g. an AddonNotFoundError's solutions) under it; the stack (and
 * causes) only when verbose.
 */
export function describeError(
  error: unknown,
  verbose: boolean,
  who = 'mesos-napi example',
): string {
  const code = (error as { code?: unknown } | null)?.code;
  const message = error instanceof Error ? error.message : String(error);
  // Node's system errors start with their code, the package's messages with its name.
  const unprefixed = message.replace(/^mesos-napi: /, '');
  const [first, ...rest] = (
    typeof code === 'string' && unprefixed.startsWith(`${code}: `)
      ? unprefixed.slice(code.length + 2)
      : unprefixed
  ).split('\n');
  const head = `${who}: error${typeof code === 'string' ? ` ${code}` : ''}: ${first}`;
  if (verbose) return `${head}\n${inspect(error)}`;
  return [head, ...rest.filter((line) => line.trim() !== '').map((line) => `  ${line}`)]
    .concat('(--verbose shows the stack)')
    .join('\n');
}
