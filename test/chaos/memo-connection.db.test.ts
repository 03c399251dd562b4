import { afterEach, describe, expect, it } from 'vitest';
import { connect } from '../../core/db/connect.ts';
import { defineWorkflow } from '../../core/runner/defineWorkflow.ts';
import { Runner } from '../../core/runner/runner.ts';
import { backend, freshDb, postgresUrl } from '../helpers/db.ts';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

/**
 * Found by bench/chaos.ts: the worker retries its own writes (settle, fail, retry, suspend)
 * through a dropped connection, but the reads and writes step code makes through ctx.step
 * (loadMemos, saveMemo) and ctx.spawn (loadChildren) do not, so a session terminated at that
 * moment fails the step attempt, and enough of them fail the run. Here the memo insert is made
 * to wait on the test's uncommitted row, and its session is terminated while it waits.
 */
describe(`ctx.step through a dropped connection (${backend})`, () => {
  it.runIf(backend === 'postgres')('a memo write cut off by pg_terminate_backend is retried, not charged to the step', async () => {
    const app = `qlayer-memo-conn-${crypto.randomUUID().slice(0, 8)}`;
    const db = await freshDb({ applicationName: app });
    cleanups.push(() => db.close());
    const runner = new Runner({ db });
    cleanups.push(() => runner.close(1_000));
    let bodies = 0;
    await runner.register(
      defineWorkflow({
        name: 'memo-conn',
        steps: {
          only: {
            retry: { maxAttempts: 1 },
            run: async (ctx) =>
              ctx.step('x', async () => {
                bodies++;
                return 'x';
              }),
          },
        },
      }),
    );
    const { run } = await runner.start('memo-conn', null);
    const admin = await connect({ url: postgresUrl, maxConnections: 1, applicationName: `${app}-admin` });
    cleanups.push(() => admin.close());
    // One connection, so that begin and rollback enclose the insert on the same session.
    const blocker = await connect({ url: postgresUrl, searchPath: db.schema, maxConnections: 1, applicationName: `${app}-blocker` });
    cleanups.push(() => blocker.close());
    // An uncommitted memo with the same key makes the worker's insert wait for this transaction.
    await blocker.query('begin');
    await blocker.query(`insert into step_memos (run_id, step_key, name, output) values ($1, 'only', 'x', '"blocker"')`, [run.id]);
    await runner.worker({ pollMs: 100 });
    const deadline = Date.now() + 30_000;
    for (let terminated = 0; terminated === 0; ) {
      if (Date.now() > deadline) throw new Error('the memo insert never waited');
      const rows = await admin.query<{ ok: boolean }>(
        `select pg_terminate_backend(pid) as ok from pg_stat_activity
         where application_name = $1 and wait_event_type = 'Lock' and query like '%insert into step_memos%'`,
        [app],
      );
      terminated = rows.length;
      await new Promise((r) => setTimeout(r, 20));
    }
    await blocker.query('rollback');
    const done = await runner.waitForRun(run.id, { timeoutMs: 30_000 });
    expect(done.status, JSON.stringify(done.error)).toBe('completed');
    expect(done.output).toBe('x');
    expect(bodies).toBe(1);
  }, 60_000);
});
