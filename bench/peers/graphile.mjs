// graphile-worker on the same PostgreSQL as QuantumLayer's runner bench, with no-op jobs.
// Run by bench/peers.bench.ts from this folder (its own node_modules); prints one JSON line.
//   BENCH_JOBS (default 20000), BENCH_DATABASE_URL, BENCH_MODE: batched | defaults
import { Logger, makeWorkerUtils, run } from 'graphile-worker';

const JOBS = Number(process.env.BENCH_JOBS ?? 20000);
const URL = process.env.BENCH_DATABASE_URL ?? 'postgres://root@127.0.0.1:5432/test';
const MODE = process.env.BENCH_MODE ?? 'batched';
const schema = `gw_bench_${process.pid}_${Date.now()}`;
const silent = () => () => {};

// "batched" is graphile-worker's fastest documented set-up: a local queue that fetches jobs in
// batches and completions written in batches; "defaults" is what a new user gets.
const worker =
  MODE === 'batched'
    ? { concurrentJobs: 10, localQueue: { size: 500 }, completeJobBatchDelay: 0, failJobBatchDelay: 0 }
    : { concurrentJobs: 10 };

const logger = new Logger(silent);
const utils = await makeWorkerUtils({ connectionString: URL, schema, logger });
await utils.migrate();

let done = 0;
let allDone;
const finished = new Promise((resolve) => (allDone = resolve));
const runner = await run({
  noHandleSignals: true,
  taskList: {
    noop: async () => {
      done += 1;
      if (done === JOBS) allDone();
    },
  },
  preset: { worker: { connectionString: URL, schema, pollInterval: 1000, maxPoolSize: 10, ...worker } },
  logger,
});

const t0 = performance.now();
// Jobs are added as the runner bench starts runs: all at once, while the worker is running.
const chunk = 1000;
const adds = [];
for (let i = 0; i < JOBS; i += chunk) {
  adds.push(utils.addJobs(Array.from({ length: Math.min(chunk, JOBS - i) }, () => ({ identifier: 'noop', payload: {} }))));
}
await Promise.all(adds);
await finished;
// Stopping flushes the batched completions: the jobs are only done once their rows are gone.
await runner.stop();
const ms = performance.now() - t0;
const left = await utils.withPgClient(async (client) => (await client.query(`select count(*)::int as n from ${schema}._private_jobs`)).rows[0].n);
await utils.withPgClient((client) => client.query(`drop schema ${schema} cascade`));
await utils.release();
console.log(JSON.stringify({ peer: 'graphile-worker', mode: MODE, jobs: JOBS, ms: Math.round(ms), jobs_per_sec: Math.round(JOBS / (ms / 1000)), jobs_left: left }));
