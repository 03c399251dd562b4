/**
 * Runner throughput and latency with no-op steps, on PostgreSQL and on PGlite.
 * Prints one JSON document. Environment:
 *   BENCH_RUNS (default 2000), BENCH_BACKENDS (default "postgres,pglite"),
 *   BENCH_DATABASE_URL (default postgres://root@127.0.0.1:5432/test), BENCH_REPEAT (default 3)
 */
import { benchDb } from './db.ts';
import { defineWorkflow } from '../core/runner/defineWorkflow.ts';
import { Runner } from '../core/runner/runner.ts';

const RUNS = Number(process.env.BENCH_RUNS ?? 2000);
const REPEAT = Number(process.env.BENCH_REPEAT ?? 3);
const BACKENDS = (process.env.BENCH_BACKENDS ?? 'postgres,pglite').split(',');
const URL = process.env.BENCH_DATABASE_URL ?? 'postgres://root@127.0.0.1:5432/test';

const noop = async () => null;
const chain = defineWorkflow({
  name: 'chain10',
  steps: Object.fromEntries(Array.from({ length: 10 }, (_, i) => [`s${i}`, { ...(i ? { needs: [`s${i - 1}`] } : {}), run: noop }])),
});
const single = defineWorkflow({ name: 'single', steps: { only: { run: noop } } });


/** Starts `n` runs at once and resolves when the last one finished; returns elapsed ms. */
async function throughput(runner: Runner, workflow: string, n: number): Promise<number> {
  let finished = 0;
  let resolveAll!: () => void;
  const all = new Promise<void>((r) => (resolveAll = r));
  const ids = new Set<string>();
  const off = runner.channels.onRunsFinished((done) => {
    for (const id of done) if (ids.delete(id)) finished++;
    if (finished === n) resolveAll();
  });
  const t0 = performance.now();
  const started = await Promise.all(Array.from({ length: n }, () => runner.start(workflow, null)));
  for (const s of started) ids.add(s.run.id);
  // Runs that finished before their id was known are found in the database.
  const done = await runner.db.query<{ id: string }>(
    "select id::text as id from runs where status = 'completed' and id = any(array(select jsonb_array_elements_text($1::text::jsonb)::uuid))",
    [JSON.stringify(started.map((s) => s.run.id))],
  );
  for (const d of done) if (ids.delete(d.id)) finished++;
  if (finished < n) await all;
  off();
  return performance.now() - t0;
}

async function latency(runner: Runner, samples: number): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < samples; i++) {
    const t0 = performance.now();
    let resolveDone!: () => void;
    const done = new Promise<void>((r) => (resolveDone = r));
    let id = '';
    let early = false;
    const off = runner.channels.onRunsFinished((ids) => {
      if (id ? ids.includes(id) : true) {
        early = !id;
        resolveDone();
      }
    });
    id = (await runner.start('single', null)).run.id;
    if (!early) await done;
    off();
    out.push(performance.now() - t0);
  }
  return out;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((xs.length * p) / 100))]!;
const round = (x: number) => Math.round(x * 100) / 100;

const results: Record<string, unknown> = {};
for (const backend of BACKENDS) {
  const { db, drop } = await benchDb(backend, URL, 8);
  const runner = new Runner({ db });
  await runner.register(chain);
  await runner.register(single);
  await runner.worker({ concurrency: 1000, batchSize: 500, pollMs: 1000 });
  // Warm-up: JIT, prepared statements, caches.
  await throughput(runner, "chain10", 200);
  await latency(runner, 20);
  const stepsPerSec: number[] = [];
  const runsPerSec: number[] = [];
  for (let r = 0; r < REPEAT; r++) {
    stepsPerSec.push((RUNS * 10) / ((await throughput(runner, 'chain10', RUNS)) / 1000));
    runsPerSec.push((RUNS * 2.5) / ((await throughput(runner, 'single', RUNS * 2.5)) / 1000));
  }
  const lat = await latency(runner, 300);
  results[backend] = {
    runs: RUNS,
    repeats: REPEAT,
    steps_per_sec_10_step: { median: Math.round(median(stepsPerSec)), all: stepsPerSec.map(Math.round) },
    runs_per_sec_1_step: { median: Math.round(median(runsPerSec)), all: runsPerSec.map(Math.round), runs: RUNS * 2.5 },
    latency_ms_1_step_idle: { p50: round(pct(lat, 50)), p99: round(pct(lat, 99)), samples: lat.length },
  };
  await runner.close(1000);
  await drop();
}
console.log(JSON.stringify({ node: process.version, cpus: (await import('node:os')).cpus().length, results }, null, 2));
