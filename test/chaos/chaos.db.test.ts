import { describe, expect, it } from 'vitest';
import { runChaos } from '../../bench/chaos/run.ts';
import { backend, postgresUrl } from '../helpers/db.ts';

/**
 * The short version of `npm run chaos` (bench/chaos.ts): two worker processes, 300 runs, a
 * few SIGKILLs and rounds of terminated sessions, never a server restart (other tests share
 * the server). Bounded at 100 s; nothing here depends on how fast the machine is.
 */
describe(`chaos (${backend})`, () => {
  it.runIf(backend === 'postgres')(
    '300 runs on two worker processes, killed up to four times and cut off, keep every invariant',
    async () => {
      const report = await runChaos({
        runs: 300,
        workers: 2,
        seconds: 100,
        concurrency: 16,
        killEveryMs: 3_000,
        maxKills: 4,
        terminateEveryMs: 1_500,
        dbUrl: postgresUrl,
        restartPostgres: false,
        seed: 11,
      });
      expect(report.violations, JSON.stringify(report.violations.slice(0, 10), null, 2)).toEqual([]);
      expect(report.ok).toBe(true);
      expect(report.runs.total).toBe(300);
      expect(report.runs.notFinal).toBe(0);
      expect(report.complete).toBe(true);
      expect(report.runs.completed + report.runs.failedAsPlanned + report.runs.failedAfterCrashes).toBe(300);
      expect(report.runs.duplicateStarts).toBeGreaterThan(0);
      expect(report.faults.kills).toBeGreaterThanOrEqual(1);
      expect(report.faults.terminationRounds).toBeGreaterThanOrEqual(1);
      expect(report.faults.postgresRestarts).toBe(0);
      // Every child of every run was spawned: 2 to 4 per run.
      expect(report.steps.children).toBeGreaterThanOrEqual(600);
    },
    150_000,
  );
});
