/**
 * Static validation (syntax, lint, security, types in memory; no install) of one generated
 * project of each kind, through `validateProject` and its check thread, as the platform runs it.
 * The first round warms the thread up (loading the tools, parsing lib files); the next
 * BENCH_VALIDATE_ROUNDS rounds are timed. Prints JSON: per kind, the warm median and max, and the
 * per-check medians.
 */
import { generateApp } from '../plugins/generator-templates/generate.ts';
import { parsePrompt } from '../plugins/parser/parse.ts';
import { closeStaticChecks, validateProject } from '../plugins/validators/index.ts';

const ROUNDS = Number(process.env.BENCH_VALIDATE_ROUNDS ?? 5);
const PROMPTS = {
  'react-spa': 'Create a todo app with React',
  'rest-api': 'a REST API for a bookstore with books and authors',
  fullstack: 'a full-stack recipe manager with a React frontend and an API',
  cli: 'a command-line tool to convert csv files to json',
  'static-site': 'a static website for a bakery with home, menu, about and contact pages',
};

const median = (values: number[]): number => Math.round([...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0);
const started = performance.now();
const projects = Object.entries(PROMPTS).map(([kind, prompt]) => ({ kind, files: generateApp(parsePrompt(prompt).spec) }));
for (const { files } of projects) await validateProject(files); // warm-up
const coldMs = Math.round(performance.now() - started);
const result: Record<string, unknown> = {};
for (const { kind, files } of projects) {
  const totals: number[] = [];
  const perCheck = new Map<string, number[]>();
  let findings = 0;
  for (let round = 0; round < ROUNDS; round++) {
    const t0 = performance.now();
    const report = await validateProject(files);
    totals.push(performance.now() - t0);
    findings = report.checks.reduce((sum, check) => sum + check.findings.length, 0);
    for (const check of report.checks) if (check.status !== 'skipped') perCheck.set(check.name, [...(perCheck.get(check.name) ?? []), check.durationMs]);
  }
  result[kind] = {
    files: files.length,
    warm_ms: { median: median(totals), max: Math.round(Math.max(...totals)) },
    checks_ms: Object.fromEntries([...perCheck].map(([name, values]) => [name, median(values)])),
    findings,
  };
}
await closeStaticChecks();
console.log(JSON.stringify({ rounds: ROUNDS, cold_first_pass_ms: coldMs, kinds: result }, null, 2));
