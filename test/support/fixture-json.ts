/**
 * A line a child-process fixture printed, as JSON; a line that is not JSON (a crash's
 * output) comes back as { unparsable, stderr } with the end of the child's stderr.
 */
export function parseJsonLine(line: string, stderr: string, stderrTail = 2000): unknown {
  try {
    return JSON.parse(line) as unknown;
  } catch {
    return { unparsable: line, stderr: stderr.slice(-stderrTail) };
  }
}

/** The last line a fixture printed (its result), as parseJsonLine reads it. */
export function lastJsonLine(stdout: string, stderr: string, stderrTail = 2000): unknown {
  return parseJsonLine(stdout.trim().split('\n').pop() ?? '', stderr, stderrTail);
}
