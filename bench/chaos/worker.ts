/**
 * One chaos worker process. Configured by environment (set by ./pool.ts):
 *   CHAOS_DB_URL, CHAOS_SCHEMA, CHAOS_APP (application_name, which the chaos script terminates)
 *   CHAOS_PROC (this process instance's id), CHAOS_EFFECTS (its side-effect log file)
 *   CHAOS_CONCURRENCY, CHAOS_LEASE_MS
 * Prints `ready` once its worker claims steps; SIGTERM drains it and exits 0.
 */
import { connect, type Database } from '../../core/db/connect.ts';
import { Runner } from '../../core/runner/runner.ts';
import { fileRecorder } from './effects.ts';
import { chaosRegistry, chaosWorkflow } from './workflow.ts';

const env = process.env;
const rec = fileRecorder(env.CHAOS_EFFECTS!, env.CHAOS_PROC!);
const leaseMs = Number(env.CHAOS_LEASE_MS ?? 3_000);

async function start(): Promise<{ db: Database; runner: Runner }> {
  const db = await connect({ url: env.CHAOS_DB_URL, searchPath: env.CHAOS_SCHEMA, maxConnections: 4, applicationName: env.CHAOS_APP });
  const runner = new Runner({ db, resolver: chaosRegistry(rec) });
  try {
    await runner.register(chaosWorkflow(rec));
    await runner.worker({ concurrency: Number(env.CHAOS_CONCURRENCY ?? 16), leaseMs, reclaimMs: Math.max(200, leaseMs / 3), pollMs: 250 });
    return { db, runner };
  } catch (error) {
    await runner.close(0).catch(() => {});
    await db.close().catch(() => {});
    throw error;
  }
}

let started: { db: Database; runner: Runner } | undefined;
process.on('SIGTERM', () => {
  if (!started) process.exit(0);
  const { db, runner } = started;
  // Phases go to stderr so that a drain that hangs shows where.
  const t0 = Date.now();
  const phase = (what: string) => process.stderr.write(`${what} after ${Date.now() - t0} ms\n`);
  void (async () => {
    await runner.close(2_000);
    phase('runner closed');
    await db.close();
    phase('database closed');
    process.exit(0);
  })();
});

// Start-up may meet a terminated connection or a restarting server: try again with a fresh
// runner, as a supervisor restarting the process would. Only failures after `ready` count.
for (let attempt = 1; !started; attempt++) {
  try {
    started = await start();
  } catch (error) {
    if (attempt >= 30) throw error;
    process.stderr.write(`start-up attempt ${attempt} failed: ${String(error)}\n`);
    await new Promise((r) => setTimeout(r, 500));
  }
}
process.stdout.write('ready\n');
