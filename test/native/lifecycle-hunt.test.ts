import { describeWithMesos } from '../support/mesos';
import { describeFailure, hunt, startSeparateMaster, summarize } from './lifecycle-hunt/hunt';

// The randomized lifecycle test of issue 12: generated driver programs (see
// lifecycle-hunt/generate.js), each in its own process on real libmesos, two at a time.
// HUNT_SEED and HUNT_COUNT override the defaults; `npm run hunt` runs thousands.
// Measured on 2 cores (Mesos 1.12, 2026-11-25): 60 programs in 108 s, 2 at a time (about
// 3 s each, hangs excluded), so 120 fit the budget once nothing hangs; each hang costs 30 s.
const SEED = Number(process.env.HUNT_SEED ?? 1_000_000);
const COUNT = Number(process.env.HUNT_COUNT ?? 120);
// Stop starting programs after this long, so a slow machine shortens the run, never times out.
const BUDGET_MS = 180_000;
const TIMEOUT_MS = 30_000;

describeWithMesos('lifecycle hunt: randomized driver programs on real libmesos', () => {
  let cluster: { master: string; stop(): Promise<void> } | undefined;
  beforeAll(async () => {
    cluster = await startSeparateMaster();
  }, 90_000);
  afterAll(async () => {
    await cluster?.stop();
  });

  test(
    `programs from seed ${SEED} end without a crash, hang, unsettled join, unseen acknowledgement or leftover`,
    async () => {
      const { ran, failed } = await hunt({
        seed: SEED,
        count: COUNT,
        concurrency: 2,
        timeoutMs: TIMEOUT_MS,
        budgetMs: BUDGET_MS,
        master: cluster?.master,
      });
      process.stdout.write(`lifecycle hunt: ${ran} of ${COUNT} programs from seed ${SEED}\n`);
      // Every failure class with its seeds, then the first few programs in full.
      const report = [
        `${failed.length} of ${ran} programs failed:`,
        ...summarize(failed),
        '',
        ...failed.slice(0, 8).map(describeFailure),
      ].join('\n');
      expect(failed.length === 0 ? '' : report).toBe('');
      expect(ran).toBeGreaterThan(0);
    },
    BUDGET_MS + 2 * TIMEOUT_MS + 60_000,
  );
});
