import type { Executor } from '../../db/connect.ts';
import type { ErrorInfo } from '../../errors.ts';

export interface Failure {
  id: string;
  error: ErrorInfo;
}

/**
 * Records steps that failed for good. Their runs fail, and every other unfinished step of
 * those runs is cancelled in the same transaction, so nothing more of a failed run starts.
 * Returns the runs that failed, whose in-flight steps the caller asks workers to abort.
 */
export async function failSteps(db: Executor, workerId: string, items: readonly Failure[]): Promise<string[]> {
  if (items.length === 0) return [];
  const rows = await db.query<{ failedRuns: string[] | null }>(
    `with u as (
       select * from jsonb_to_recordset($2::text::jsonb) as u(id bigint, error jsonb)
     ),
     failed as (
       update steps s
       set status = 'failed', error = u.error, finished_at = now(), lease_owner = null, lease_expires_at = null
       from u
       where s.id = any(array(select id from u)) and s.id = u.id and s.lease_owner = $1
       returning s.id, s.run_id, s.key, s.error, s.attempt
     ),
     failed_runs as (
       update runs r
       set status = 'failed', finished_at = now(),
           error = jsonb_build_object(
             'code', 'step_failed',
             'message', 'step ''' || f.key || ''' failed: ' || coalesce(f.error->>'message', 'unknown error'),
             'details', jsonb_build_object('step', f.key, 'cause', f.error))
       from failed f
       -- Primary-key probes, as in settleSteps: not a walk over every running run.
       where r.id = f.run_id and r.status || '' = 'running'
       returning r.id, r.error
     ),
     cancelled as (
       update steps s
       set status = 'cancelled', finished_at = now(), lease_owner = null, lease_expires_at = null
       where s.run_id = any(array(select id from failed_runs))
         and s.status in ('pending', 'ready', 'running', 'waiting')
         and s.id not in (select id from failed)
       returning s.run_id, s.key
     ),
     events as (
       insert into run_events (run_id, step_key, type, data)
       select run_id, key, 'step.failed', jsonb_build_object('attempt', attempt, 'error', error) from failed
       union all
       select run_id, key, 'step.cancelled', null from cancelled
       union all
       select id, null, 'run.failed', jsonb_build_object('error', error) from failed_runs
       returning 1
     )
     select (select jsonb_agg(id::text) from failed_runs) as "failedRuns"`,
    [workerId, JSON.stringify(items)],
  );
  return rows[0]?.failedRuns ?? [];
}
