/**
 * QuantumLayer's runner beside graphile-worker, on the same PostgreSQL in the same command, with
 * no-op work, and the ratios the performance goals are stated in. The peers are dependencies of
 * bench/peers/package.json (never of the platform); they are installed there on first use.
 * Prints one JSON document. Environment: BENCH_DATABASE_URL, BENCH_RUNS (runner, default 2000),
 * BENCH_JOBS (graphile-worker, default 20000), BENCH_REPEAT (default 3).
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const PEERS = fileURLToPath(new URL('./peers/', import.meta.url));
const REPO = fileURLToPath(new URL('../', import.meta.url));
const REPEAT = Number(process.env.BENCH_REPEAT ?? 3);

function runJson(command: string, args: string[], cwd: string, env: Record<string, string>): unknown {
  const result = spawnSync(command, args, { cwd, env: { ...process.env, ...env }, encoding: 'utf8', maxBuffer: 16 << 20 });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed (${result.status}):\n${result.stderr}`);
  const text = result.stdout.trim();
  return JSON.parse(text.slice(text.indexOf('{')));
}

if (!existsSync(`${PEERS}node_modules/graphile-worker`)) {
  const installed = spawnSync('npm', ['ci', '--no-audit', '--no-fund', '--silent'], { cwd: PEERS, stdio: 'inherit' });
  if (installed.status !== 0) throw new Error('npm ci in bench/peers failed');
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const graphile: Record<string, { jobs_per_sec: number; all: number[] }> = {};
for (const mode of ['batched', 'defaults']) {
  const all: number[] = [];
  for (let r = 0; r < REPEAT; r++) {
    // Defaults are two orders of magnitude slower: fewer jobs keep the command short.
    const jobs = mode === 'batched' ? (process.env.BENCH_JOBS ?? '20000') : '2000';
    const out = runJson(process.execPath, ['graphile.mjs'], PEERS, { BENCH_MODE: mode, BENCH_JOBS: jobs }) as { jobs_per_sec: number; jobs_left: number };
    if (out.jobs_left !== 0) throw new Error(`graphile-worker left ${out.jobs_left} jobs`);
    all.push(out.jobs_per_sec);
  }
  graphile[mode] = { jobs_per_sec: median(all), all };
}

interface RunnerBench {
  results: { postgres: { steps_per_sec_10_step: { median: number }; runs_per_sec_1_step: { median: number }; latency_ms_1_step_idle: { p50: number; p99: number } } };
}
const ours = runJson(process.execPath, ['--import', 'tsx', 'bench/runner.bench.ts'], REPO, { BENCH_BACKENDS: 'postgres', BENCH_REPEAT: String(REPEAT) }) as RunnerBench;
const pg = ours.results.postgres;
const batched = graphile.batched!.jobs_per_sec;
const ratio = (x: number): number => Math.round((x / batched) * 100) / 100;

console.log(
  JSON.stringify(
    {
      node: process.version,
      quantumlayer: {
        steps_per_sec_10_step: pg.steps_per_sec_10_step.median,
        runs_per_sec_1_step: pg.runs_per_sec_1_step.median,
        latency_ms_1_step: pg.latency_ms_1_step_idle,
      },
      graphile_worker: { version: '0.17.3', ...graphile },
      ratios_to_graphile_batched: {
        steps_10_step: ratio(pg.steps_per_sec_10_step.median),
        runs_1_step: ratio(pg.runs_per_sec_1_step.median),
        goals: { steps_10_step: 1.25, runs_1_step: 1.0 },
      },
    },
    null,
    2,
  ),
);
