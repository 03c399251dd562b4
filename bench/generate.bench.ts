/**
 * Prompt → zip on the offline template path (no install, no runtime checks): the
 * generate-app workflow end to end on an in-memory PGlite, 50 runs one after another
 * (BENCH_GENERATE_RUNS), cycling through five prompts, one per kind. Prints JSON.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../core/config/load.ts';
import { createPlatform } from '../core/platform.ts';

const RUNS = Number(process.env.BENCH_GENERATE_RUNS ?? 50);
const PROMPTS = [
  'Create a todo app with React',
  'a REST API for a bookstore with books and authors',
  'a full-stack recipe manager with a React frontend and an API',
  'a command-line tool to convert csv files to json',
  'a static website for a bakery with home, menu, about and contact pages',
];

const platform = await createPlatform(loadConfig({ cwd: mkdtempSync(join(tmpdir(), 'qlayer-bench-')), env: {} }), { inMemory: true });
await platform.startWorker();
const durations: number[] = [];
const failures: string[] = [];
await platform.runner.waitForRun((await platform.runner.start('generate-app', { prompt: PROMPTS[0] })).run.id); // warm-up
for (let i = 0; i < RUNS; i++) {
  const t0 = performance.now();
  const { run } = await platform.runner.start('generate-app', { prompt: PROMPTS[i % PROMPTS.length] });
  const done = await platform.runner.waitForRun(run.id, { timeoutMs: 120_000 });
  durations.push(performance.now() - t0);
  if (done.status !== 'completed') failures.push(`${PROMPTS[i % PROMPTS.length]}: ${done.error?.message}`);
}
await platform.close();
const sorted = [...durations].sort((a, b) => a - b);
const at = (p: number) => Math.round(sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))]!);
console.log(JSON.stringify({ runs: RUNS, backend: 'pglite (in memory)', prompt_to_zip_ms: { p50: at(50), p99: at(99), max: at(100) }, failures }, null, 2));
