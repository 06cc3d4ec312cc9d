import fc from 'fast-check';

/**
 * Runs of each property: fixed (count and seed) in `npm test`; `npm run fuzz` sets FUZZ_RUNS
 * and draws a seed. FUZZ_SEED replays a failure; fast-check's failure message gives the seed
 * and the path of the failing case.
 */
const fuzzRuns = Number(process.env.FUZZ_RUNS ?? 0);
const FIXED_SEED = 1311;
const seed =
  process.env.FUZZ_SEED !== undefined
    ? Number(process.env.FUZZ_SEED)
    : fuzzRuns > 0
      ? Math.floor(Math.random() * 2 ** 31)
      : FIXED_SEED;

if (fuzzRuns > 0) {
  process.stderr.write(
    `fast-check: ${fuzzRuns} runs a property, seed ${seed} (FUZZ_SEED=${seed} replays)\n`,
  );
}

export function assertProperty<T>(property: fc.IProperty<T>, runs: number): void {
  fc.assert(property, { numRuns: fuzzRuns > 0 ? fuzzRuns : runs, seed });
}

/** assertProperty for an async property (fast-check's assert then returns a promise). */
export async function assertAsyncProperty<T>(
  property: fc.IAsyncProperty<T>,
  runs: number,
): Promise<void> {
  await fc.assert(property, { numRuns: fuzzRuns > 0 ? fuzzRuns : runs, seed });
}
