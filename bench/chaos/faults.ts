import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import type { Executor } from '../../core/db/connect.ts';

const run = promisify(execFile);

/** Ends every server session whose application_name starts with `prefix`; returns how many. */
export async function terminateBackends(admin: Executor, prefix: string): Promise<number> {
  const rows = await admin.query<{ n: number }>(
    `select count(*) filter (where pg_terminate_backend(pid))::int as n
     from pg_stat_activity where left(application_name, length($1)) = $1 and pid <> pg_backend_pid()`,
    [prefix],
  );
  return rows[0]?.n ?? 0;
}

/**
 * Restarts a PostgreSQL cluster (`version/name`, e.g. `15/main`) and waits until it answers
 * again. Every session on the server dies, including other users', hence the explicit flag.
 */
export async function restartPostgres(cluster: string, probe: () => Promise<unknown>): Promise<{ downMs: number }> {
  const [version, name] = cluster.split('/');
  if (!version || !name) throw new Error(`--pg-cluster must look like 15/main, got '${cluster}'`);
  const t0 = Date.now();
  await run('pg_ctlcluster', ['--skip-systemctl-redirect', version, name, 'restart'], { timeout: 120_000 });
  for (;;) {
    try {
      await probe();
      return { downMs: Date.now() - t0 };
    } catch (error) {
      if (Date.now() - t0 > 120_000) throw error;
      await new Promise((r) => setTimeout(r, 200));
    }
  }
}
