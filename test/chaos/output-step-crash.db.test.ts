import { afterEach, describe, expect, it } from 'vitest';
import { defineWorkflow } from '../../core/runner/defineWorkflow.ts';
import { claimSteps } from '../../core/runner/sql/claimSteps.ts';
import { settleSteps } from '../../core/runner/sql/settleSteps.ts';
import { backend } from '../helpers/db.ts';
import { runnerFixture, type RunnerFixture } from '../helpers/runner.ts';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

/**
 * Found by bench/chaos.ts: the synthetic `$output` step has max_attempts 1, and a worker that
 * dies while it holds the step uses up that attempt, so the run fails although every real
 * step completed and `$output` is a pure function of their outputs. A "ghost" worker that
 * claims steps and then never renews or settles them is exactly what a SIGKILL leaves behind.
 */
describe(`a worker dying on $output (${backend})`, () => {
  it('the run still completes with its output', async () => {
    const fx: RunnerFixture = await runnerFixture({ worker: false });
    cleanups.push(() => fx.close());
    await fx.runner.register(
      defineWorkflow({
        name: 'two-sinks',
        steps: { left: { run: async () => 'l' }, right: { run: async () => 'r' } },
      }),
    );
    const { run } = await fx.runner.start('two-sinks', null);
    const ghost = 'ghost-worker';
    const first = await claimSteps(fx.db, ghost, 10, 60_000);
    expect(first.map((s) => s.key).sort()).toEqual(['left', 'right']);
    await settleSteps(fx.db, ghost, first.map((s) => ({ id: s.id, status: 'completed' as const, output: s.key, error: null })));
    const [output] = await claimSteps(fx.db, ghost, 10, 50);
    expect(output?.key).toBe('$output');
    // The ghost dies here: its lease runs out and a live worker takes over.
    await new Promise((r) => setTimeout(r, 100));
    await fx.runner.worker({ pollMs: 100, reclaimMs: 100 });
    const done = await fx.runner.waitForRun(run.id, { timeoutMs: 30_000 });
    expect(done.status, JSON.stringify(done.error)).toBe('completed');
    expect(done.output).toEqual({ left: 'left', right: 'right' });
  }, 60_000);
});
