import type { Executor } from '../../db/connect.ts';

/**
 * Extends the leases of the steps `workerId` is running and records the worker's heartbeat.
 * Returns the ids still leased; any other id the worker thinks it runs was cancelled or
 * reclaimed, and the worker aborts it.
 */
export async function renewLeases(db: Executor, workerId: string, ids: readonly string[], leaseMs: number): Promise<Set<string>> {
  const rows = await db.query<{ id: string }>(
    `with renewed as (
       update steps set lease_expires_at = now() + $3::int * interval '1 millisecond'
       where id = any(array(select jsonb_array_elements_text($2::text::jsonb)::bigint)) and lease_owner = $1
       returning id
     ),
     beat as (
       update workers set heartbeat_at = now() where id = $1 returning 1
     )
     select id::text as id from renewed`,
    [workerId, JSON.stringify(ids), leaseMs],
  );
  return new Set(rows.map((r) => r.id));
}

/**
 * Returns steps whose lease ran out (their worker died or hung) to the queue as a new
 * attempt. Any worker may call this; SKIP LOCKED keeps concurrent callers apart.
 */
export async function reclaimExpired(db: Executor, limit = 1000): Promise<number> {
  const rows = await db.query<{ n: number }>(
    `with expired as (
       select id from steps
       where status = 'running' and lease_expires_at < now()
       order by lease_expires_at
       limit $1
       for update skip locked
     ),
     reclaimed as (
       update steps s
       set status = 'ready', attempt = s.attempt + 1, available_at = now(), lease_owner = null, lease_expires_at = null,
           error = jsonb_build_object('code', 'lease_expired',
             'message', 'worker ' || coalesce(s.lease_owner, '?') || ' stopped renewing its lease on this step')
       from expired
       where s.id = expired.id
       returning s.run_id, s.key, s.attempt, s.error
     ),
     events as (
       insert into run_events (run_id, step_key, type, data)
       select run_id, key, 'step.lease_expired', jsonb_build_object('nextAttempt', attempt, 'error', error) from reclaimed
       returning 1
     )
     select count(*)::int as n from reclaimed`,
    [limit],
  );
  return rows[0]?.n ?? 0;
}

/**
 * Hands running steps back without counting an attempt: used when a worker shuts down
 * before they finish, so another worker starts them at once instead of after the lease.
 */
export async function releaseSteps(db: Executor, workerId: string, ids: readonly string[]): Promise<number> {
  if (ids.length === 0) return 0;
  const rows = await db.query<{ n: number }>(
    `with released as (
       update steps set status = 'ready', lease_owner = null, lease_expires_at = null, available_at = now()
       where id = any(array(select jsonb_array_elements_text($2::text::jsonb)::bigint)) and lease_owner = $1
       returning run_id, key
     ),
     events as (
       insert into run_events (run_id, step_key, type) select run_id, key, 'step.released' from released returning 1
     )
     select count(*)::int as n from released`,
    [workerId, JSON.stringify(ids)],
  );
  return rows[0]?.n ?? 0;
}
