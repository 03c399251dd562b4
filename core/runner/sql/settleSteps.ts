import type { Executor } from '../../db/connect.ts';
import type { ErrorInfo } from '../../errors.ts';

export interface Settlement {
  id: string;
  /** `failed` here means failed but released: the step continues on error. */
  status: 'completed' | 'skipped' | 'failed';
  output: unknown;
  error: ErrorInfo | null;
  /** Why a step was skipped, for the history. */
  reason?: string;
}

export interface SettleResult {
  /** Steps that became ready because of this batch. */
  readied: number;
  completedRuns: string[];
}

/**
 * Records finished steps and, in the same statement and so the same transaction, releases
 * their dependants (a dependant whose last dependency finished becomes ready) and completes
 * runs whose final step finished. Only rows still leased by `workerId` are touched, so a
 * late answer from a worker that lost its lease changes nothing.
 *
 * Every statement that moves a step out of `running` clears `lease_owner`, so matching on
 * the owner alone means "still running here". Leaving `status = 'running'` out of the WHERE
 * matters: with it the planner is drawn to the partial lease index. `id = any(array(...))`
 * likewise pins the plan to primary-key lookups whatever the statistics say; a join on the
 * batch alone may turn into a scan of the whole table.
 */
export async function settleSteps(db: Executor, workerId: string, items: readonly Settlement[]): Promise<SettleResult> {
  if (items.length === 0) return { readied: 0, completedRuns: [] };
  const rows = await db.query<{ readied: number; completedRuns: string[] | null }>(
    `with u as (
       select * from jsonb_to_recordset($2::text::jsonb) as u(id bigint, status text, output jsonb, error jsonb, reason text)
     ),
     done as (
       update steps s
       set status = u.status, output = u.output, error = u.error, finished_at = now(),
           lease_owner = null, lease_expires_at = null
       from u
       where s.id = any(array(select id from u)) and s.id = u.id and s.lease_owner = $1
       returning s.id, s.run_id, s.key, s.status, s.dependents, s.completes_run, s.output, s.error, s.attempt,
                 u.reason, s.started_at
     ),
     released as (
       select d.run_id, dep.key, count(*)::int as n
       from done d, unnest(d.dependents) as dep(key)
       group by d.run_id, dep.key
     ),
     bumped as (
       update steps s
       set pending = s.pending - r.n,
           status = case when s.pending - r.n <= 0 and s.status in ('pending', 'waiting') then 'ready' else s.status end,
           available_at = case when s.pending - r.n <= 0 then now() else s.available_at end
       from released r
       where s.run_id = r.run_id and s.key = r.key
       returning s.status
     ),
     finished_runs as (
       update runs r
       set status = 'completed', output = d.output, finished_at = now()
       from done d
       -- One primary-key probe per finished step. Concatenating '' keeps the status test out
       -- of the status index, through which stale statistics would have the planner walk
       -- every running run for each finished step.
       where d.completes_run and r.id = d.run_id and r.status || '' = 'running'
       returning r.id
     ),
     events as (
       insert into run_events (run_id, step_key, type, data)
       select run_id, key, 'step.' || status,
              jsonb_strip_nulls(jsonb_build_object(
                'attempt', attempt, 'error', error, 'reason', reason,
                'durationMs', round(extract(epoch from now() - started_at) * 1000)))
       from done
       union all
       select id, null, 'run.completed', null from finished_runs
       returning 1
     )
     select (select count(*) from bumped where status = 'ready')::int as readied,
            (select jsonb_agg(id::text) from finished_runs) as "completedRuns"`,
    [workerId, JSON.stringify(items.map((i) => ({ id: i.id, status: i.status, output: i.output ?? null, error: i.error, reason: i.reason ?? null })))],
  );
  const row = rows[0];
  return { readied: row?.readied ?? 0, completedRuns: row?.completedRuns ?? [] };
}
