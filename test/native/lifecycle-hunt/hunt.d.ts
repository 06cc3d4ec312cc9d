// Types for hunt.js (plain JS, shared with the `npm run hunt` script).
export interface Program {
  seed: number;
  env: Record<string, string>;
  steps: unknown[];
}
export interface Failure {
  class: string;
  detail: string;
}
export interface FailedProgram {
  seed: number;
  program: Program;
  failures: Failure[];
}
export interface HuntOptions {
  seed: number;
  count: number;
  concurrency?: number;
  timeoutMs?: number;
  budgetMs?: number;
  master?: string;
  onResult?(result: { seed: number; program: Program; failures: Failure[] }): void;
}
export function hunt(
  options: HuntOptions,
): Promise<{ ran: number; durations: number[]; failed: FailedProgram[] }>;
export function startSeparateMaster(): Promise<{ master: string; stop(): Promise<void> }>;
export function describeFailure(failed: FailedProgram): string;
export function summarize(failed: FailedProgram[]): string[];
