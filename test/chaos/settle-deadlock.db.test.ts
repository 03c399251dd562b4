import { afterEach, describe, expect, it } from 'vitest';
import { connect } from '../../core/db/connect.ts';
import { defineWorkflow } from '../../core/runner/defineWorkflow.ts';
import { Runner } from '../../core/runner/runner.ts';
import { backend, freshDb, postgresUrl } from '../helpers/db.ts';
import { waitFor } from '../helpers/processes.ts';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

/**
 * Found by bench/chaos.ts: two statements that lock step rows in different orders (settleSteps
 * against renewLeases of the same worker, or two settles that release the same dependants)
 * deadlock now and then. PostgreSQL aborts one of them with 40P01; the worker does not retry
 * it, so every outcome in that settle batch is dropped, the steps wait out their lease and run
 * again on a fresh attempt, and a step with one attempt (such as `$output`) fails its run.
 * Here the other transaction is the test's own, so the deadlock happens every time.
 */
describe(`settling steps (${backend})`, () => {
  it.runIf(backend === 'postgres')('a settle chosen as deadlock victim is retried, not dropped', async () => {
    const app = `qlayer-deadlock-${crypto.randomUUID().slice(0, 8)}`;
    const db = await freshDb({ applicationName: app });
    cleanups.push(() => db.close());
    const runner = new Runner({ db });
    cleanups.push(() => runner.close(1_000));
    let runs = 0;
    let release!: () => void;
    const released = new Promise<void>((r) => (release = r));
    await runner.register(
      defineWorkflow({
        name: 'deadlock',
        steps: {
          a: {
            retry: { maxAttempts: 1 },
            run: async () => {
              runs++;
              await released;
              return 'a';
            },
          },
          c: { needs: ['a'], run: async () => 'c' },
        },
      }),
    );
    await runner.worker({ leaseMs: 2_000, pollMs: 100 });
    const { run } = await runner.start('deadlock', null);
    await waitFor(() => runs === 1, 30_000, 'step a to start');

    // The test's transaction holds the dependant c, which the settle of a must update.
    const other = await connect({ url: postgresUrl, searchPath: db.schema, maxConnections: 1, applicationName: `${app}-other` });
    cleanups.push(() => other.close());
    const locked = other.transaction(async (tx) => {
      // Let the settle be the session that detects the deadlock, so it is the one aborted.
      await tx.query("set local deadlock_timeout = '20s'");
      await tx.query("select id from steps where run_id = $1 and key = 'c' for update", [run.id]);
      release();
      const waiting = async () => {
        const rows = await db.query<{ n: number }>(
          "select count(*)::int as n from pg_stat_activity where application_name = $1 and wait_event_type = 'Lock'",
          [app],
        );
        return (rows[0]?.n ?? 0) > 0;
      };
      const deadline = Date.now() + 30_000;
      while (!(await waiting())) {
        if (Date.now() > deadline) throw new Error('the settle of step a never waited for c');
        await new Promise((r) => setTimeout(r, 20));
      }
      // The settle holds a and waits for c; now the test waits for a: a deadlock.
      await tx.query("update steps set available_at = available_at where run_id = $1 and key = 'a'", [run.id]);
    });
    await locked;

    const done = await runner.waitForRun(run.id, { timeoutMs: 30_000 });
    expect(done.status, JSON.stringify(done.error)).toBe('completed');
    expect(runs).toBe(1);
    const steps = await runner.getSteps(run.id);
    expect(steps.find((s) => s.key === 'a')).toMatchObject({ status: 'completed', attempt: 1 });
  }, 60_000);
});
