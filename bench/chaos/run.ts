import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connect, type Database } from '../../core/db/connect.ts';
import { migrate } from '../../core/db/migrate.ts';
import { Runner } from '../../core/runner/runner.ts';
import { checkInvariants, type CheckResult, type Violation } from './check.ts';
import { noRecorder, readEffects } from './effects.ts';
import { restartPostgres, terminateBackends } from './faults.ts';
import { DEFAULTS, type ChaosOptions } from './options.ts';
import { WorkerPool } from './pool.ts';
import { fraction, seeded } from './random.ts';
import { readSnapshot } from './snapshot.ts';
import { WORKFLOW, chaosWorkflow } from './workflow.ts';

export interface ChaosReport extends Omit<CheckResult, 'violations' | 'runs'> {
  /** No violation and every run final. */
  ok: boolean;
  /** Every run reached a final state before the time ran out; when not, the other checks still hold. */
  complete: boolean;
  options: ChaosOptions;
  schema: string;
  elapsedMs: number;
  runs: CheckResult['runs'] & { duplicateStarts: number };
  faults: {
    kills: number;
    workerStarts: number;
    workerCrashes: number;
    connectionTerminations: number;
    terminationRounds: number;
    postgresRestarts: number;
    postgresDownMs: number | null;
  };
  throughput: { processingMs: number; runsPerSec: number; stepsPerSec: number; executionsPerSec: number };
  violationCount: number;
  violationsByInvariant: Record<string, number>;
  /** The first 100. */
  violations: Violation[];
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/**
 * Runs the chaos experiment: worker processes work through `runs` runs of the mixed workflow
 * while workers are SIGKILLed and restarted, their sessions terminated and (when allowed) the
 * server restarted; then every invariant is checked. Never throws for a violation: it is in
 * the report, and `ok` is false.
 */
export async function runChaos(overrides: Partial<ChaosOptions> = {}, log: (line: string) => void = () => {}): Promise<ChaosReport> {
  const options: ChaosOptions = { ...DEFAULTS, ...overrides };
  const t0 = Date.now();
  const deadline = t0 + options.seconds * 1000;
  const reserveMs = Math.min(15_000, options.seconds * 250);
  const faultEnd = t0 + options.seconds * 1000 * options.faultWindow;
  const random = seeded(options.seed);
  const schema = `chaos_${crypto.randomUUID().replaceAll('-', '').slice(0, 12)}`;
  const effectsDir = mkdtempSync(join(tmpdir(), 'qlayer-chaos-'));
  const ctlApp = `qlayer-chaos-ctl-${schema}`;
  const workerApp = `qlayer-chaos-w-${schema}-`;
  const violations: Violation[] = [];

  const admin = await connect({ url: options.dbUrl, maxConnections: 2, applicationName: ctlApp });
  await admin.query(`create schema ${schema}`);
  let db: Database | undefined;
  let runner: Runner | undefined;
  const pool = new WorkerPool({
    size: options.workers,
    dbUrl: options.dbUrl,
    schema,
    appPrefix: workerApp,
    effectsDir,
    concurrency: options.concurrency,
    leaseMs: options.leaseMs,
  });
  try {
    db = await connect({ url: options.dbUrl, searchPath: schema, maxConnections: 8, applicationName: ctlApp });
    await migrate(db);
    runner = new Runner({ db });
    await runner.register(chaosWorkflow(noRecorder));
    pool.startAll();
    log(`schema ${schema}: starting ${options.runs} runs, ${options.workers} workers`);

    const startedAt = Date.now();
    const duplicateStarts = await startRuns(runner, options.runs, violations);
    log(`runs started in ${Date.now() - startedAt} ms (${duplicateStarts} duplicate starts)`);

    const faults = { kills: 0, workerStarts: 0, workerCrashes: 0, connectionTerminations: 0, terminationRounds: 0, postgresRestarts: 0, postgresDownMs: null as number | null };
    const jitter = (mean: number) => mean * (0.5 + random());
    let nextKill = Date.now() + jitter(options.killEveryMs);
    let nextTerminate = Date.now() + jitter(options.terminateEveryMs);
    // Early in the window, while every worker has steps in flight.
    const restartAt = options.restartPostgres ? Date.now() + (faultEnd - Date.now()) * 0.25 : Number.POSITIVE_INFINITY;
    let unfinished = options.runs;
    let lastPoll = 0;
    let lastLog = Date.now();
    for (;;) {
      const now = Date.now();
      if (now - lastPoll >= 500) {
        lastPoll = now;
        unfinished = await countUnfinished(db).catch(() => unfinished);
      }
      // At least one kill and one termination round, so that no run of the script is fault-free.
      const minimumDone = faults.kills >= 1 && faults.terminationRounds >= 1;
      if ((unfinished === 0 && minimumDone) || now >= deadline - reserveMs) break;
      if (unfinished === 0) {
        if (faults.kills === 0) nextKill = Math.min(nextKill, now);
        if (faults.terminationRounds === 0) nextTerminate = Math.min(nextTerminate, now);
      }
      if (now < faultEnd || !minimumDone) {
        // Only workers that have been at work for a while, so that a kill lands on steps in flight.
        const ready = pool.live().filter((p) => p.ready && now - p.readyAt >= 1_000);
        if (now >= nextKill && ready.length > 0 && faults.kills < options.maxKills) {
          const victim = ready[Math.floor(random() * ready.length)]!;
          await pool.kill(victim.slot, 200 + random() * 800);
          faults.kills++;
          nextKill = Date.now() + jitter(options.killEveryMs);
        }
        if (now >= nextTerminate) {
          faults.connectionTerminations += await terminateBackends(admin, workerApp).catch(() => 0);
          faults.terminationRounds++;
          nextTerminate = Date.now() + jitter(options.terminateEveryMs);
        }
        if (now >= restartAt && faults.postgresRestarts === 0) {
          log(`restarting PostgreSQL cluster ${options.pgCluster}`);
          faults.postgresRestarts++;
          faults.postgresDownMs = (await restartPostgres(options.pgCluster, () => admin.query('select 1'))).downMs;
        }
      }
      if (now - lastLog >= 5_000) {
        lastLog = now;
        log(`${((now - t0) / 1000).toFixed(1)} s: ${options.runs - unfinished}/${options.runs} runs final, ${faults.kills} kills, ${faults.connectionTerminations} sessions terminated`);
      }
      await sleep(100);
    }
    log(unfinished === 0 ? 'all runs final; draining workers' : `time is up with ${unfinished} runs unfinished (raise --seconds or lower --runs)`);
    // The worker gives its steps 2 s, then its connections up to 5 s; more than that is a hang.
    await pool.stop(Math.max(5_000, Math.min(15_000, deadline - Date.now() - 3_000)));
    faults.workerStarts = pool.procs.length;
    faults.workerCrashes = pool.crashes.length;
    for (const c of pool.crashes) {
      violations.push({ invariant: 'workers_survive', message: `worker ${c.proc} exited on its own (code ${c.code}, signal ${c.signal}): ${c.output.slice(-600)}` });
    }
    await checkIdempotentAfterwards(runner, options.runs, violations);

    const snapshot = await readSnapshot(db);
    const effects = readEffects(effectsDir);
    const result = checkInvariants(snapshot, effects, pool.killed, pool.killedPids);
    violations.push(...result.violations);
    const [span] = await db.query<{ ms: number | null }>('select (extract(epoch from max(finished_at) - min(created_at)) * 1000)::float8 as ms from runs');
    const processingMs = Math.max(1, Math.round(span?.ms ?? Date.now() - startedAt));
    const perSec = (n: number) => Math.round((n / processingMs) * 1000 * 10) / 10;
    const byInvariant: Record<string, number> = {};
    for (const v of violations) byInvariant[v.invariant] = (byInvariant[v.invariant] ?? 0) + 1;
    return {
      ok: violations.length === 0 && result.runs.notFinal === 0,
      complete: result.runs.notFinal === 0,
      options,
      schema,
      elapsedMs: Date.now() - t0,
      runs: { ...result.runs, duplicateStarts },
      faults,
      throughput: {
        processingMs,
        runsPerSec: perSec(result.runs.total - result.runs.notFinal),
        stepsPerSec: perSec(result.steps.completed),
        executionsPerSec: perSec(result.steps.executions),
      },
      steps: result.steps,
      lostCompletions: result.lostCompletions,
      subSteps: result.subSteps,
      violationCount: violations.length,
      violationsByInvariant: byInvariant,
      violations: violations.slice(0, 100),
    };
  } finally {
    await pool.stop(2_000).catch(() => {});
    await runner?.close(1_000).catch(() => {});
    await db?.close().catch(() => {});
    if (!options.keep) {
      await admin.query(`drop schema if exists ${schema} cascade`).catch(() => {});
      rmSync(effectsDir, { recursive: true, force: true });
    } else log(`kept schema ${schema} and effects in ${effectsDir}`);
    await admin.close().catch(() => {});
  }
}

const runKey = (i: number) => `chaos-${i}`;

/**
 * Starts every run with an idempotency key, one in ten twice at the same moment; both calls
 * must name the same run and exactly one of them may have created it.
 */
async function startRuns(runner: Runner, runs: number, violations: Violation[]): Promise<number> {
  const calls: { i: number; p: Promise<{ id: string; created: boolean }> }[] = [];
  const start = (i: number) => ({
    i,
    p: runner.start(WORKFLOW, { i }, { idempotencyKey: runKey(i) }).then((r) => ({ id: r.run.id, created: r.created })),
  });
  for (let i = 0; i < runs; i++) {
    calls.push(start(i));
    if (fraction(`dup:${i}`) < 0.1) calls.push(start(i));
  }
  const results = await Promise.all(calls.map(async (c) => ({ i: c.i, ...(await c.p) })));
  const byRun = new Map<number, { id: string; created: boolean }[]>();
  for (const r of results) byRun.set(r.i, [...(byRun.get(r.i) ?? []), r]);
  for (const [i, list] of byRun) {
    const ids = new Set(list.map((r) => r.id));
    const created = list.filter((r) => r.created).length;
    if (ids.size !== 1 || created !== 1) {
      violations.push({ invariant: 'idempotent_start', message: `key ${runKey(i)}: ${list.length} starts gave ${ids.size} runs, ${created} created` });
    }
  }
  return calls.length - runs;
}

/** Starting a finished run's key again returns that run and creates nothing. */
async function checkIdempotentAfterwards(runner: Runner, runs: number, violations: Violation[]): Promise<void> {
  for (const i of [0, Math.floor(runs / 2), runs - 1]) {
    const again = await runner.start(WORKFLOW, { i }, { idempotencyKey: runKey(i) });
    if (again.created || again.run.idempotencyKey !== runKey(i)) {
      violations.push({ invariant: 'idempotent_start', message: `key ${runKey(i)} started a new run after the first had finished` });
    }
  }
}

async function countUnfinished(db: Database): Promise<number> {
  const [row] = await db.query<{ n: number }>("select count(*)::int as n from runs where status = 'running'");
  return row?.n ?? 0;
}
