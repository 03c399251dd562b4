import type { Executor } from '../../db/connect.ts';
import type { ErrorInfo } from '../../errors.ts';

export interface Retry {
  id: string;
  delayMs: number;
  error: ErrorInfo;
}

/** Puts failed steps back in the queue for their next attempt after a backoff delay. */
export async function retrySteps(db: Executor, workerId: string, items: readonly Retry[]): Promise<number> {
  if (items.length === 0) return 0;
  const rows = await db.query<{ n: number }>(
    `with u as (
       select * from jsonb_to_recordset($2::text::jsonb) as u(id bigint, delay int, error jsonb)
     ),
     retried as (
       update steps s
       set status = 'ready', attempt = s.attempt + 1, available_at = now() + u.delay * interval '1 millisecond',
           error = u.error, lease_owner = null, lease_expires_at = null
       from u
       where s.id = any(array(select id from u)) and s.id = u.id and s.lease_owner = $1
       returning s.run_id, s.key, s.attempt, s.error, u.delay
     ),
     events as (
       insert into run_events (run_id, step_key, type, data)
       select run_id, key, 'step.retrying',
              jsonb_build_object('attempt', attempt - 1, 'nextAttempt', attempt, 'delayMs', delay, 'error', error)
       from retried
       returning 1
     )
     select count(*)::int as n from retried`,
    [workerId, JSON.stringify(items.map((i) => ({ id: i.id, delay: Math.round(i.delayMs), error: i.error })))],
  );
  return rows[0]?.n ?? 0;
}
