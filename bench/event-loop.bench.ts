/**
 * How long the event loop stalls while the in-process worker generates apps on the template
 * path (validators included): what an API served by the same process would feel. Three
 * prompts after a warm-up, in-memory PGlite; prints JSON (delays in ms, 10 ms resolution).
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { loadConfig } from '../core/config/load.ts';
import { createPlatform } from '../core/platform.ts';

const PROMPTS = [
  'Create a todo app with React',
  'a REST API for a bookstore with books and authors',
  'a full-stack recipe manager with a React frontend and an API',
];

const platform = await createPlatform(loadConfig({ cwd: mkdtempSync(join(tmpdir(), 'qlayer-bench-')), env: {} }), { inMemory: true });
await platform.startWorker();
// Warm-up: module loading and the validators' thread start once per process.
await platform.runner.waitForRun((await platform.runner.start('generate-app', { prompt: PROMPTS[0] })).run.id);
const delay = monitorEventLoopDelay({ resolution: 10 });
delay.enable();
const t0 = performance.now();
for (const prompt of PROMPTS) {
  await platform.runner.waitForRun((await platform.runner.start('generate-app', { prompt })).run.id, { timeoutMs: 120_000 });
}
delay.disable();
const ms = (ns: number) => Math.round(ns / 1e6);
console.log(
  JSON.stringify(
    { runs: PROMPTS.length, elapsed_ms: Math.round(performance.now() - t0), loop_delay_ms: { max: ms(delay.max), p99: ms(delay.percentile(99)), mean: ms(delay.mean) } },
    null,
    2,
  ),
);
await platform.close();
