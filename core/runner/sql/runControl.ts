import type { Executor } from '../../db/connect.ts';

/** Cancels a running run and every unfinished step of it. Returns false if it was not running. */
export async function cancelRun(db: Executor, runId: string, reason: string): Promise<boolean> {
  const rows = await db.query<{ n: number }>(
    `with run as (
       update runs set status = 'cancelled', finished_at = now(),
                       error = jsonb_build_object('code', 'run_cancelled', 'message', $2::text)
       where id = $1 and status = 'running'
       returning id
     ),
     cancelled as (
       update steps set status = 'cancelled', finished_at = now(), lease_owner = null, lease_expires_at = null
       where run_id in (select id from run) and status in ('pending', 'ready', 'running', 'waiting')
       returning run_id, key
     ),
     events as (
       insert into run_events (run_id, step_key, type, data)
       select run_id, key, 'step.cancelled', null from cancelled
       union all
       select id, null, 'run.cancelled', jsonb_build_object('reason', $2::text) from run
       returning 1
     )
     select count(*)::int as n from run`,
    [runId, reason],
  );
  return (rows[0]?.n ?? 0) > 0;
}

/**
 * Restarts a failed or cancelled run from where it stopped: completed steps keep their
 * output, failed and cancelled ones are queued again with a fresh attempt budget, each
 * waiting for as many dependencies as are still unfinished. Returns the steps requeued,
 * or -1 when the run is not failed or cancelled.
 */
export async function retryRun(db: Executor, runId: string): Promise<number> {
  const rows = await db.query<{ restarted: number; requeued: number }>(
    `with run as (
       update runs set status = 'running', error = null, output = null, finished_at = null
       where id = $1 and status in ('failed', 'cancelled')
       returning id
     ),
     todo as (
       select s.id, s.key from steps s
       where s.run_id in (select id from run)
         and (s.status = 'cancelled' or (s.status = 'failed' and not s.releases_on_failure))
     ),
     counts as (
       select t.id, (
         select count(*) from steps y
         where y.run_id = $1 and t.key = any(y.dependents)
           and not (y.status in ('completed', 'skipped') or (y.status = 'failed' and y.releases_on_failure))
       )::int as n
       from todo t
     ),
     requeued as (
       update steps s
       set status = case when c.n = 0 then 'ready' else 'pending' end, pending = c.n, attempt = 1,
           output = null, error = null, lease_owner = null, lease_expires_at = null, available_at = now(),
           finished_at = null
       from counts c
       where s.id = c.id
       returning s.key
     ),
     events as (
       insert into run_events (run_id, type, data)
       select id, 'run.retried', jsonb_build_object('steps', (select count(*) from requeued)) from run
       returning 1
     )
     select (select count(*) from run)::int as restarted, (select count(*) from requeued)::int as requeued`,
    [runId],
  );
  const row = rows[0];
  return row && row.restarted > 0 ? row.requeued : -1;
}
