import { afterEach, describe, expect, it } from 'vitest';
import { defineWorkflow } from '../../core/runner/defineWorkflow.ts';
import { backend } from '../helpers/db.ts';
import { waitFor } from '../helpers/processes.ts';
import { runnerFixture, type RunnerFixture } from '../helpers/runner.ts';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

/**
 * Two executions of one step overlap when the first loses its lease (a hung or partitioned
 * worker) but keeps running. Both may run a `ctx.step` body before either memo exists; the
 * memo insert keeps the first result (`on conflict do nothing`), yet the second execution goes
 * on with its own. Its later attempts then read the other value from the memo, so one step
 * sees two different results of the same sub-step. ctx.step should return what was stored.
 */
describe(`ctx.step under overlapping executions (${backend})`, () => {
  it('every execution that gets past a sub-step sees the memoized result', async () => {
    // The first worker never renews its lease, so its execution becomes a zombie.
    const fx: RunnerFixture = await runnerFixture({ worker: { concurrency: 1, leaseMs: 300, heartbeatMs: 1_000_000, reclaimMs: 100, pollMs: 50 } });
    cleanups.push(() => fx.close());
    const seen: { attempt: number; value: string }[] = [];
    let entered = false;
    let memoSaved = false;
    let releaseFirst!: () => void;
    const firstReleased = new Promise<void>((r) => (releaseFirst = r));
    await fx.runner.register(
      defineWorkflow({
        name: 'memo-race',
        steps: {
          only: {
            retry: { maxAttempts: 3, initialDelayMs: 10, maxDelayMs: 10 },
            run: async (ctx) => {
              const value = await ctx.step('pick', async () => {
                if (ctx.attempt === 1) {
                  entered = true;
                  await firstReleased;
                  return 'first';
                }
                // The overlapping execution: let the zombie store its memo first.
                releaseFirst();
                await waitFor(() => memoSaved, 10_000, 'the first memo');
                return 'second';
              });
              seen.push({ attempt: ctx.attempt, value });
              if (ctx.attempt === 2) throw new Error('a retryable failure after the sub-step');
              return value;
            },
          },
        },
      }),
    );
    const { run } = await fx.runner.start('memo-race', null);
    await waitFor(() => entered, 30_000, 'the first execution');
    await fx.runner.worker({ pollMs: 50, reclaimMs: 100 });
    const poll = setInterval(() => {
      void fx.db
        .query<{ n: number }>('select count(*)::int as n from step_memos where run_id = $1', [run.id])
        .then((rows) => (memoSaved = (rows[0]?.n ?? 0) > 0), () => {});
    }, 20);
    cleanups.push(() => clearInterval(poll));
    const done = await fx.runner.waitForRun(run.id, { timeoutMs: 30_000 });
    expect(done.status, JSON.stringify(done.error)).toBe('completed');
    const [memo] = await fx.db.query<{ output: unknown }>('select output from step_memos where run_id = $1', [run.id]);
    expect(memo?.output).toBe('first');
    expect(seen.map((s) => s.attempt).sort()).toEqual([1, 2, 3]);
    expect(seen.map((s) => s.value)).toEqual(['first', 'first', 'first']);
  }, 60_000);
});
