/**
 * HTTP load on the API: reading a run (with its steps), starting a run, and /healthz as a
 * baseline, with autocannon against a server started here on 127.0.0.1 (client and server
 * share this process and the machine's cores). Prints one JSON document.
 * Environment: BENCH_BACKEND (pglite | postgres, default pglite), BENCH_DURATION seconds per
 * scenario (default 10), BENCH_CONNECTIONS (default 10),
 * BENCH_DATABASE_URL (default postgres://root@127.0.0.1:5432/test).
 */
import { startServer } from '../api/node.ts';
import { benchDb } from './db.ts';
import { PluginRegistry } from '../core/plugin/registry.ts';
import { ArtifactStore } from '../core/runner/artifacts.ts';
import { defineWorkflow } from '../core/runner/defineWorkflow.ts';
import { Runner } from '../core/runner/runner.ts';

const BACKEND = process.env.BENCH_BACKEND ?? 'pglite';
const DURATION = Number(process.env.BENCH_DURATION ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);
const URL = process.env.BENCH_DATABASE_URL ?? 'postgres://root@127.0.0.1:5432/test';

interface Result {
  requests: { average: number; total: number };
  latency: { p50: number; p90: number; p99: number; average: number; max: number };
  non2xx: number;
  errors: number;
  timeouts: number;
}
type Autocannon = (options: Record<string, unknown>) => Promise<Result>;


// Untyped package: a computed specifier keeps tsc from looking for its types.
const { default: autocannon } = (await import('autocannon' as string)) as { default: Autocannon };
const { db, drop } = await benchDb(BACKEND, URL);
const runner = new Runner({ db });
await runner.connect();
await runner.register(defineWorkflow({ name: 'bench-noop', steps: { only: { run: async () => 1 } } }));
const platform = { db, runner, registry: new PluginRegistry(), artifacts: new ArtifactStore(db) };
const worker = await runner.worker({ concurrency: 16 });
const silent = { debug() {}, info() {}, warn() {}, error() {} };
const server = await startServer(platform, { host: '127.0.0.1', port: 0, worker: false, logger: silent, limits: { rateLimitPerMinute: 1e9 } });

const seed = await runner.start('bench-noop', {});
await runner.waitForRun(seed.run.id);

async function measure(name: string, path: string, options: Record<string, unknown> = {}) {
  const result = await autocannon({ url: `${server.url}${path}`, connections: CONNECTIONS, duration: DURATION, ...options });
  return {
    name,
    requestsPerSecond: Math.round(result.requests.average),
    total: result.requests.total,
    latencyMs: { average: result.latency.average, p50: result.latency.p50, p90: result.latency.p90, p99: result.latency.p99, max: result.latency.max },
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
  };
}

try {
  const scenarios = [
    await measure('GET /healthz', '/healthz'),
    await measure('GET /api/v1/runs/{id} (run with steps)', `/api/v1/runs/${seed.run.id}`),
    await measure('POST /api/v1/runs (start a run)', '/api/v1/runs', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ workflow: 'bench-noop', input: {} }),
    }),
  ];
  const finished = await db.query<{ status: string; n: number }>('select status, count(*)::int as n from runs group by status');
  console.log(
    JSON.stringify(
      {
        backend: BACKEND,
        node: process.version,
        cores: (await import('node:os')).availableParallelism(),
        durationSeconds: DURATION,
        connections: CONNECTIONS,
        scenarios,
        runsInDatabase: Object.fromEntries(finished.map((r) => [r.status, r.n])),
      },
      null,
      2,
    ),
  );
} finally {
  await server.close();
  await worker.stop(5_000);
  await runner.close(5_000);
  await drop();
}
