import { parseArgs } from 'util';
import { InvalidArgumentError } from '../errors';

/**
 * The command line was wrong (an unknown command or option, a missing or bad value): the
 * CLI prints it with the command's usage and exits 2. `code` is Node's for what parseArgs
 * refused (ERR_PARSE_ARGS_*), the package's otherwise.
 */
export class UsageError extends Error {
  constructor(
    message: string,
    readonly code: string,
  ) {
    super(message);
    this.name = 'UsageError';
  }
}

/**
 * Runs `parse` (a strict util.parseArgs and checks of the values), turning what it refuses
 * into a UsageError: parseArgs's with Node's code and the first sentence of its message, an
 * InvalidArgumentError with its own.
 */
export function parsing<T>(parse: () => T): T {
  try {
    return parse();
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS_')) {
      // Node adds how to pass a positional that starts with '-': none of these takes one.
      const message = (error as Error).message.split(/\. (?=To specify)/)[0];
      throw new UsageError(message, code);
    }
    if (error instanceof InvalidArgumentError) throw new UsageError(error.message, error.code);
    throw error;
  }
}

/**
 * For a command that takes no arguments but --help (-h): parses argv strictly, prints `usage`
 * when asked, and says whether it was.
 */
export function printedHelp(argv: string[], usage: string): boolean {
  const { values } = parsing(() =>
    parseArgs({
      args: argv,
      options: { help: { type: 'boolean', short: 'h' } },
      strict: true,
      allowPositionals: false,
    }),
  );
  if (values.help) console.log(usage);
  return values.help === true;
}
