// Types for checks.js (plain JS, shared with `npm run hunt`).

/** What run-program.js collects of one program's run. */
export interface ProgramResult {
  code: number | null;
  signal: string | null;
  timedOut: boolean;
  timeoutMs?: number;
  output: string;
  processes: { pid: number; command: string }[];
  directories: string[];
}

export function checkResult(result: ProgramResult): { class: string; detail: string }[];
