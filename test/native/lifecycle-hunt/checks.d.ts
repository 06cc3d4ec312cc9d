// Types for checks.js (plain JS, run by the hunt and the unit test of its invariants).
/** What one program's run collected (run-program.js). */
export interface ProgramResult {
  output: string;
  timedOut: boolean;
  /** The limit it was killed at, when timedOut. */
  timeoutMs?: number;
  signal: string | null;
  code: number | null;
  processes: { pid: number; command: string }[];
  directories: string[];
}

/** The invariants a program broke: a class (the same for the same kind) and details. */
export function checkResult(result: ProgramResult): { class: string; detail: string }[];
