import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { connect } from '../../core/db/connect.ts';
import { defineWorkflow } from '../../core/runner/defineWorkflow.ts';
import { Runner } from '../../core/runner/runner.ts';
import { backend, freshDb, postgresUrl, type TestDb } from '../helpers/db.ts';
import { countBy, readEffects, startWorkerProcess, waitFor, type WorkerProcess } from '../helpers/processes.ts';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'qlayer-crash-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

function track(p: WorkerProcess): WorkerProcess {
  cleanups.push(() => {
    if (p.child.exitCode === null) p.child.kill('SIGKILL');
  });
  return p;
}

/** Every step's completion happened once; the step in flight at the kill started twice. */
function expectExactlyOnce(log: string, runId: string, killedPid: number): void {
  const effects = readEffects(log).filter((e) => e.run === runId);
  const done = countBy(effects.filter((e) => e.phase === 'done'), (e) => e.step);
  expect(Object.fromEntries(done)).toEqual({ a: 1, slow: 1, c: 1 });
  const starts = countBy(effects.filter((e) => e.phase === 'start'), (e) => e.step);
  expect(Object.fromEntries(starts)).toEqual({ a: 1, slow: 2, c: 1 });
  const slowStarts = effects.filter((e) => e.step === 'slow' && e.phase === 'start');
  expect(slowStarts[0]!.pid).toBe(killedPid);
  expect(slowStarts[1]!.pid).not.toBe(killedPid);
}

describe(`crash recovery (${backend})`, () => {
  it.runIf(backend === 'pglite')('a SIGKILLed worker leaves its step to the next process on the same data directory', async () => {
    const dir = tempDir();
    const log = join(dir, 'effects.log');
    const env = { QL_PGLITE_DIR: join(dir, 'pgdata'), QL_LOG: log, QL_WORKFLOW: 'crashy', QL_LEASE_MS: '1000' };
    const first = track(startWorkerProcess({ ...env, QL_START_RUNS: '1' }));
    await waitFor(() => readEffects(log).some((e) => e.step === 'slow' && e.phase === 'start'), 30_000, 'the slow step to start');
    first.child.kill('SIGKILL');
    await first.exited;
    const runId = /run (\S+)/.exec(first.output())![1]!;
    const second = track(startWorkerProcess({ ...env, QL_EXIT_WHEN_IDLE: '1' }));
    expect(await second.exited).toBe(0);
    const db = await connect({ dataDir: env.QL_PGLITE_DIR });
    cleanups.push(() => db.close());
    const [run] = await db.query<{ status: string; output: unknown }>('select status, output from runs where id = $1', [runId]);
    expect(run).toEqual({ status: 'completed', output: 'c' });
    expectExactlyOnce(log, runId, first.child.pid!);
  }, 60_000);

  it.runIf(backend === 'postgres')('a SIGKILLed worker mid-step: another worker process finishes the run', async () => {
    const db = await freshDb();
    cleanups.push(() => db.close());
    const log = join(tempDir(), 'effects.log');
    const runner = new Runner({ db });
    cleanups.push(() => runner.close());
    const wf = defineWorkflow({ name: 'crashy', steps: { a: { run: async () => 'a' }, slow: { needs: ['a'], run: async () => 'slow' }, c: { needs: ['slow'], run: async () => 'c' } } });
    await runner.register(wf);
    const env = { QL_DB_URL: postgresUrl, QL_DB_SCHEMA: db.schema!, QL_LOG: log, QL_WORKFLOW: 'crashy', QL_LEASE_MS: '1000' };
    const workers = [track(startWorkerProcess(env)), track(startWorkerProcess(env))];
    await waitFor(() => workers.every((w) => w.output().includes('ready')), 30_000, 'workers to start');
    const { run } = await runner.start('crashy', null);
    await waitFor(() => readEffects(log).some((e) => e.step === 'slow' && e.phase === 'start'), 30_000, 'the slow step to start');
    const victimPid = readEffects(log).find((e) => e.step === 'slow')!.pid;
    const victim = workers.find((w) => w.child.pid === victimPid)!;
    victim.child.kill('SIGKILL');
    const done = await runner.waitForRun(run.id, { timeoutMs: 30_000 });
    expect(done).toMatchObject({ status: 'completed', output: 'c' });
    expectExactlyOnce(log, run.id, victimPid);
    const events = await runner.getEvents(run.id);
    expect(events.some((e) => e.type === 'step.lease_expired' && e.stepKey === 'slow')).toBe(true);
  }, 60_000);
});

describe(`racing workers (${backend})`, () => {
  it('1,000 runs shared by three workers: every run completes and no step completes twice', async () => {
    const db: TestDb = await freshDb();
    cleanups.push(() => db.close());
    const log = join(tempDir(), 'effects.log');
    const runner = new Runner({ db });
    cleanups.push(() => runner.close());
    // Counts executions for the in-process (PGlite) case; the worker processes log theirs to a file.
    const counts = new Map<string, number>();
    const count = (key: string) => counts.set(key, (counts.get(key) ?? 0) + 1);
    await runner.register(
      defineWorkflow({
        name: 'race',
        steps: {
          one: { run: async (ctx) => void count(`${ctx.runId} one`) },
          two: { needs: ['one'], run: async (ctx) => void count(`${ctx.runId} two`) },
        },
      }),
    );
    const ids = (await Promise.all(Array.from({ length: 1000 }, (_, i) => runner.start('race', { i })))).map((r) => r.run.id);
    let doneCounts: Map<string, number>;
    if (backend === 'postgres') {
      const env = { QL_DB_URL: postgresUrl, QL_DB_SCHEMA: db.schema!, QL_LOG: log, QL_WORKFLOW: 'race', QL_EXIT_WHEN_IDLE: '1', QL_CONCURRENCY: '20' };
      const workers = [1, 2, 3].map(() => track(startWorkerProcess(env)));
      const codes = await Promise.all(workers.map((w) => w.exited));
      expect(codes, workers.map((w) => w.output()).join('\n')).toEqual([0, 0, 0]);
      const effects = readEffects(log).filter((e) => e.phase === 'done');
      doneCounts = countBy(effects, (e) => `${e.run} ${e.step}`);
      // The work really was shared.
      expect(new Set(effects.map((e) => e.pid)).size).toBeGreaterThanOrEqual(2);
    } else {
      // PGlite lives inside one process, so here the three workers share it in-process.
      const workers = await Promise.all([1, 2, 3].map(() => runner.worker({ concurrency: 20 })));
      await Promise.all(ids.map((id) => runner.waitForRun(id, { timeoutMs: 120_000 })));
      for (const w of workers) await w.stop();
      doneCounts = counts;
    }
    const [statuses] = await db.query<{ completed: number; total: number }>(
      "select count(*) filter (where status = 'completed')::int as completed, count(*)::int as total from runs",
    );
    expect(statuses).toEqual({ completed: 1000, total: 1000 });
    expect(doneCounts.size).toBe(2000);
    expect([...doneCounts.values()].every((n) => n === 1)).toBe(true);
    const [steps] = await db.query<{ n: number }>("select count(*)::int as n from steps where status = 'completed' and attempt = 1");
    expect(steps!.n).toBe(2000);
  }, 180_000);
});

describe(`lost connections (${backend})`, () => {
  it.runIf(backend === 'postgres')('pg_terminate_backend mid-run: the worker reconnects and every run completes', async () => {
    const app = `qlayer-kill-${crypto.randomUUID().slice(0, 8)}`;
    const db = await freshDb({ applicationName: app });
    cleanups.push(() => db.close());
    const runner = new Runner({ db });
    cleanups.push(() => runner.close(1_000));
    const done = new Map<string, number>();
    await runner.register(
      defineWorkflow({
        name: 'steady',
        steps: Object.fromEntries(
          ['s1', 's2', 's3', 's4'].map((k, i, all) => [
            k,
            {
              ...(i > 0 ? { needs: [all[i - 1]!] } : {}),
              run: async (ctx: { runId: string }) => {
                await new Promise((r) => setTimeout(r, 60));
                done.set(`${ctx.runId} ${k}`, (done.get(`${ctx.runId} ${k}`) ?? 0) + 1);
                return k;
              },
            },
          ]),
        ),
      }),
    );
    await runner.worker({ concurrency: 50, pollMs: 100 });
    const ids = await Promise.all(Array.from({ length: 40 }, async () => (await runner.start('steady', null)).run.id));
    const admin = await connect({ url: postgresUrl, maxConnections: 1 });
    cleanups.push(() => admin.close());
    let killed = 0;
    for (let round = 0; round < 3; round++) {
      await new Promise((r) => setTimeout(r, 80));
      const rows = await admin.query<{ ok: boolean }>(
        'select pg_terminate_backend(pid) as ok from pg_stat_activity where application_name = $1',
        [app],
      );
      killed += rows.length;
    }
    expect(killed).toBeGreaterThan(0);
    for (const id of ids) {
      const run = await runner.waitForRun(id, { timeoutMs: 60_000 });
      expect(run.status).toBe('completed');
    }
    expect(done.size).toBe(160);
    expect([...done.values()].every((n) => n === 1)).toBe(true);
  }, 90_000);
});
